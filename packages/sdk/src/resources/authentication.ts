import type { Transport } from '../request.ts'
import type { Credentials, LoginResult } from '../types.ts'

/**
 * `POST /v1/authenticate`. Repeatable: a login changes nothing on the server, so a 503 or a lost
 * connection during one is retried like a GET.
 */
export async function authenticate(transport: Transport, credentials: Credentials): Promise<LoginResult> {
  const response = await transport.send<LoginResult>({
    method: 'POST',
    path: '/v1/authenticate',
    body: credentials,
    auth: false,
    repeatable: true,
  })
  if (typeof response.data?.token !== 'string' || response.data.token === '') {
    throw new TypeError('POST /v1/authenticate answered without a token')
  }
  return response.data
}
