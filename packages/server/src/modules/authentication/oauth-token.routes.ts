import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { Authenticator } from '../../auth/authenticator.ts'
import { AppError } from '../../errors.ts'
import { textProblem } from '../../text.ts'
import { TokenError, TokenRequest, TokenResponse } from './authenticate.schemas.ts'

const FORM = 'application/x-www-form-urlencoded'
type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type'

/** RFC 6749 §5.2: the error body of the token endpoint (not the API's error body). */
function oauthError(reply: FastifyReply, error: OAuthError, description: string) {
  const status = error === 'invalid_client' ? 401 : 400
  if (status === 401) reply.header('www-authenticate', 'Basic realm="elevate-api", charset="UTF-8"')
  return reply.code(status).send({ error, error_description: description })
}

/** RFC 6749 §2.3.1: `Basic base64(urlencode(id) ":" urlencode(secret))`. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | 'malformed' | undefined {
  if (header === undefined) return undefined
  const match = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header)
  if (match === null) return 'malformed'
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return 'malformed'
  try {
    const plus = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '))
    return { id: plus(decoded.slice(0, colon)), secret: plus(decoded.slice(colon + 1)) }
  } catch {
    return 'malformed'
  }
}

/**
 * `POST /oauth2/token`: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) for app clients.
 * Form-encoded; the client authenticates with HTTP Basic or `client_id`/`client_secret` in the
 * body (not both). Its 400 and 401 answers are RFC 6749 error bodies; a 429 (too many failures)
 * and a 503 are the API's.
 */
export const oauthTokenRoutes: FastifyPluginAsyncTypebox<{ authenticator: Authenticator }> = async (app, { authenticator }) => {
  app.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })
  app.post(
    '/oauth2/token',
    {
      config: { auth: 'public', consumes: [FORM] },
      schema: {
        tags: ['authentication'],
        operationId: 'createOAuthToken',
        summary: 'Obtain a token for an app client (OAuth 2.0 client credentials)',
        description: 'grant_type=client_credentials, form-encoded; client credentials in HTTP Basic or in the body. Answers RFC 6749 bodies.',
        security: [],
        consumes: [FORM],
        // RFC 6749 §3.2: parameters it does not know are ignored, in the query too.
        querystring: Type.Object({}, { additionalProperties: true }),
        body: TokenRequest,
        response: { 200: TokenResponse, 400: TokenError, 401: TokenError },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
      const body = request.body
      const basic = basicCredentials(request.headers.authorization)
      if (basic === 'malformed') return oauthError(reply, 'invalid_client', 'The Authorization header must be Basic credentials')
      if (body.grant_type === undefined) return oauthError(reply, 'invalid_request', 'grant_type is required')
      if (body.grant_type !== 'client_credentials') return oauthError(reply, 'unsupported_grant_type', 'Only client_credentials is supported')
      if (basic !== undefined && (body.client_id !== undefined || body.client_secret !== undefined)) {
        return oauthError(reply, 'invalid_request', 'Send the client credentials in the Authorization header or in the body, not both')
      }
      const id = basic?.id ?? body.client_id
      const secret = basic?.secret ?? body.client_secret
      if (id === undefined || secret === undefined || id === '' || secret === '') return oauthError(reply, 'invalid_client', 'Client authentication is required')
      // Text no client id, secret or brand can hold (a NUL, half a surrogate) is refused before any lookup.
      for (const [name, value] of [['client_id', id], ['client_secret', secret], ['brand', body.brand]] as const) {
        const problem = value === undefined ? undefined : textProblem(value)
        if (problem !== undefined) return oauthError(reply, 'invalid_request', `${name} ${problem}`)
      }
      try {
        const issued = await authenticator.clients.login({ brand: body.brand, clientId: id, clientSecret: secret }, request.ip)
        return { access_token: issued.token, token_type: 'Bearer' as const, expires_in: Math.max(0, Math.round((issued.expiresAt.getTime() - Date.now()) / 1000)) }
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_credentials') return oauthError(reply, 'invalid_client', 'The client id or secret is not correct')
        throw error
      }
    },
  )
}
