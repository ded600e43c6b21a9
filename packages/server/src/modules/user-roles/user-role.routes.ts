import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { sendPage } from '../../http/pages.ts'
import { errorResponses, withHeaders } from '../../http/schemas.ts'
import { ListUserRolesQuery, UserRole, UserRoleParams } from './user-role.schemas.ts'
import type { UserRoleService } from './user-role.service.ts'

export const userRoleRoutes: FastifyPluginAsyncTypebox<{ service: UserRoleService }> = async (app, { service }) => {
  app.get(
    '/v1/user-roles',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['user-roles'],
        operationId: 'getUserRoles',
        summary: 'List user roles',
        querystring: ListUserRolesQuery,
        response: { 200: withHeaders(Type.Array(Type.Partial(UserRole)), ['Link']) },
      },
    },
    async (request, reply) => {
      const result = await service.list(request.actor, request.query)
      return sendPage(request, reply, result.page, result)
    },
  )

  app.get(
    '/v1/user-roles/:userRoleId',
    {
      config: { permission: 'users:read' },
      schema: {
        tags: ['user-roles'],
        operationId: 'getUserRole',
        summary: 'Get a user role',
        params: UserRoleParams,
        response: { 200: UserRole, ...errorResponses([404]) },
      },
    },
    async (request) => service.get(request.actor, request.params.userRoleId),
  )
}
