import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Authenticator } from '../../auth/authenticator.ts'
import { errorResponses } from '../../http/schemas.ts'
import { AuthenticateBody, AuthenticateResponse } from './authenticate.schemas.ts'

export const authenticateRoutes: FastifyPluginAsyncTypebox<{ authenticator: Authenticator }> = async (
  app,
  { authenticator },
) => {
  app.post(
    '/v1/authenticate',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['authentication'],
        operationId: 'createBearerToken',
        summary: 'Create a bearer token',
        description: 'Exchanges a brand, username and password for a JWT valid for 15 minutes.',
        security: [],
        body: AuthenticateBody,
        response: { 200: AuthenticateResponse, ...errorResponses([401, 429]) },
      },
    },
    async (request, reply) => {
      // RFC 6749 §5.1: responses carrying tokens must not be cached.
      reply.header('cache-control', 'no-store')
      return authenticator.login(request.body, request.ip)
    },
  )
}
