import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { getRoute } from '../../http/routes/item-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { userRoleResource } from './user-role.fields.ts'
import type { userRoleUseCases } from './user-role.service.ts'

const read = { tag: 'user-roles', sdkType: 'UserRole', permission: 'users:read' } as const

/** User roles (Authentication & Users API): list and get; read-only. */
export function userRoleRoutes(app: FastifyInstance, roles: ReturnType<typeof userRoleUseCases>): void {
  const { list, schema } = userRoleResource
  listRoute(app, { ...read, path: '/v1/user-roles', operationId: 'getUserRoles', summary: 'List user roles', list, item: schema, handler: roles.list })
  getRoute(app, {
    ...read,
    path: '/v1/user-roles/:userRoleId',
    operationId: 'getUserRole',
    summary: 'Get a user role',
    params: idParams('userRoleId'),
    response: schema,
    etag: false,
    handler: (actor, { userRoleId }) => roles.get(actor, userRoleId),
  })
}
