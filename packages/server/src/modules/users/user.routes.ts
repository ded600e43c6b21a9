import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { userResource } from './user.fields.ts'
import type { UserUseCases } from './user.service.ts'

/** Users (Authentication & Users API): list, exists, create, get and update (no delete: disable). */
export function userRoutes(app: FastifyInstance, useCases: UserUseCases): void {
  crudRoutes(app, {
    path: '/v1/users',
    param: 'userId',
    tag: 'users',
    sdkType: 'User',
    resource: userResource,
    permissions: { read: 'users:read', write: 'users:write' },
    operations: { list: 'getUsers', exists: 'checkUser', get: 'getUser', create: 'createUser', update: 'updateUser' },
    useCases,
  })
}
