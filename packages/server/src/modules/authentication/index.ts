import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../module.ts'
import { authenticateRoutes } from './authenticate.routes.ts'

/** Token authentication (Authentication & Users API): `POST /v1/authenticate`. */
export async function authenticationModule(app: FastifyInstance, { authenticator }: ModuleContext): Promise<void> {
  await app.register(authenticateRoutes, { authenticator })
}
