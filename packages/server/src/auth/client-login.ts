import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'
import { AppError } from '../errors.ts'
import type { AuthEvents } from './auth-events.ts'
import type { LoginFailures } from './login-failures.ts'
import type {} from './app-client-table.ts'
import { decoyHash, verifyPassword } from './passwords.ts'
import type { TokenService } from './tokens.ts'

export interface ClientCredentials {
  /** Optional at /oauth2/token (the client id finds its brand); required at /v1/authenticate. */
  brand: string | undefined
  clientId: string
  clientSecret: string
}

export interface ClientToken {
  token: string
  clientId: string
  expiresAt: Date
}

/** Failures are counted per client id (whatever brand was named) and per address. */
const throttleName = (clientId: string) => ['', `client:${clientId}`] as const

/**
 * The OAuth 2.0 client credentials grant (RFC 6749 §4.4) behind `POST /oauth2/token` and the
 * client form of `POST /v1/authenticate`: the secret checked against its argon2id hash (a decoy
 * hash when the client does not exist, so timing reveals nothing), the failures throttled like
 * logins, `lastSuccessfulAuthentication` / `lastFailedAuthentication` kept, events recorded.
 */
export class ClientLogin {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly tokens: TokenService,
    private readonly failures: LoginFailures,
    private readonly events: AuthEvents,
  ) {}

  async login({ brand, clientId, clientSecret }: ClientCredentials, address: string): Promise<ClientToken> {
    const [scope, name] = throttleName(clientId)
    await this.failures.assertNotThrottled(scope, name, address)
    let query = this.db
      .selectFrom('app_clients as c')
      .innerJoin('brands as b', 'b.id', 'c.brand_id')
      .innerJoin('users as u', (join) => join.onRef('u.brand_id', '=', 'c.brand_id').onRef('u.id', '=', 'c.user_id'))
      .select(['c.id', 'c.brand_id', 'c.client_id', 'c.user_id', 'u.password_hash as secret_hash', 'u.session_version'])
      .where('c.client_id', '=', clientId)
    if (brand !== undefined) query = query.where('b.name', '=', brand)
    const found = await query.limit(2).execute()
    const client = found.length === 1 ? found[0] : undefined
    const matches = await verifyPassword(client?.secret_hash ?? (await decoyHash), clientSecret)
    if (client === undefined || !matches) {
      if (client !== undefined) await this.stamp(client, 'last_failed_authentication')
      // An unknown client names no brand: nothing is recorded (the failure still counts).
      await this.failures.failed(scope, name, address, client?.brand_id ?? brand ?? null, client === undefined ? 'no such app client' : 'wrong secret', 'client', clientId)
      throw new AppError('invalid_credentials', { message: 'The client id or secret is not correct' })
    }
    const issued = await this.tokens.issue({ userId: client.user_id, brandId: client.brand_id, username: client.client_id, roleIds: [], sessionVersion: client.session_version })
    await this.failures.succeeded(scope, name)
    await this.stamp(client, 'last_successful_authentication')
    await this.events.record(client.brand_id, { action: 'client-login-success', description: `App client ${clientId} has obtained a token`, username: clientId, ipAddress: address })
    return { token: issued.token, clientId: client.client_id, expiresAt: issued.expiresAt }
  }

  private async stamp(client: { brand_id: number; id: number }, column: 'last_failed_authentication' | 'last_successful_authentication'): Promise<void> {
    await this.db.updateTable('app_clients').set({ [column]: sql<Date>`now()` }).where('brand_id', '=', client.brand_id).where('id', '=', client.id).execute()
  }
}
