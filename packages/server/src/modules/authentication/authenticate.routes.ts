import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Authenticator } from '../../auth/authenticator.ts'
import { AppError, assertValid, type FieldError } from '../../errors.ts'
import { errorResponses } from '../../http/schemas.ts'
import { AuthenticateBody, AuthenticateResponse } from './authenticate.schemas.ts'

type Body = { username?: string; password?: string; clientId?: string; clientSecret?: string }

/** A user's credentials and a client's in one body: 400 (the schema has required each pair). */
function credentialProblems(body: Body): FieldError[] {
  const user = body.username !== undefined || body.password !== undefined
  if (!user) return []
  return (['clientId', 'clientSecret'] as const).filter((f) => body[f] !== undefined).map((field) => ({ field, code: 'not_allowed', message: 'cannot be sent with username and password' }))
}

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
        description: 'Exchanges a brand, username and password (or an app client’s clientId and clientSecret) for a JWT valid for 15 minutes.',
        security: [],
        body: AuthenticateBody,
        response: { 200: AuthenticateResponse, ...errorResponses([401, 429]) },
      },
    },
    async (request, reply) => {
      // RFC 6749 §5.1: responses carrying tokens must not be cached.
      reply.header('cache-control', 'no-store')
      const body = request.body
      assertValid(credentialProblems(body))
      if (body.clientId !== undefined && body.clientSecret !== undefined) {
        const issued = await authenticator.clients.login({ brand: body.brand, clientId: body.clientId, clientSecret: body.clientSecret }, request.ip)
        return { token: issued.token, username: issued.clientId, expiresAt: issued.expiresAt.toISOString() }
      }
      if (body.username === undefined || body.password === undefined) throw new AppError('validation_failed') // checked above
      return authenticator.login({ brand: body.brand, username: body.username, password: body.password }, request.ip)
    },
  )
}
