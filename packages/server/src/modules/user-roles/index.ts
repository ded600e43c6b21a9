import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../module.ts'
import { userRoleRoutes } from './user-role.routes.ts'
import { UserRoleService } from './user-role.service.ts'

/** User roles (Authentication & Users API): read-only, seeded per brand. */
export async function userRolesModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await app.register(userRoleRoutes, { service: new UserRoleService(db) })
}

export { UserRoleService }
