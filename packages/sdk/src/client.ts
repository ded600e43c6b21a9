import { CredentialsSession, DEFAULT_REFRESH_MARGIN_MS, ProviderSession, type TokenProvider, type TokenSource } from './auth.ts'
import { normaliseBaseUrl, type ApiResponse, type FetchLike, type RequestSpec } from './http.ts'
import { createLogSink, type Logger, type LogStyle } from './logging.ts'
import { Transport } from './request.ts'
import { authenticate } from './resources/authentication.ts'
import { createResources, type Resources } from './generated/resources.ts'
import { DEFAULT_RETRY, type RetryOptions } from './retry.ts'
import type { LoginResult } from './types.ts'

/** Options every client takes, whichever way it authenticates. */
export interface CommonClientOptions {
  /** The server root, e.g. `http://127.0.0.1:8080`; the SDK adds each module’s `/v1` or `/v2` prefix. */
  baseUrl: string
  /** The `fetch` to use (default: the platform's). Tests pass a fake; apps may add a proxy agent. */
  fetch?: FetchLike
  /** Where failed attempts and failures are logged (default: nowhere). */
  logger?: Logger
  /** Argument order of `logger` (default: detected; pino and bunyan take fields first). */
  logStyle?: LogStyle
  /** Retry settings (defaults: 3 attempts in all, 500 ms base, 8 s cap, full jitter). */
  retry?: Partial<RetryOptions>
  /** Limit on each attempt, body included (default 30 s). */
  timeoutMs?: number
  /** A `Retry-After` longer than this ends the retries, and the error carries it (default 30 s). */
  maxRetryAfterMs?: number
}

/** Log in with a user of the API; the client renews its token before expiry and after a 401. */
export interface CredentialsClientOptions extends CommonClientOptions {
  brand: string
  username: string
  password: string
  /** How long before `expiresAt` the token is renewed (default 30 s, at most half its lifetime). */
  refreshMarginMs?: number
  tokenProvider?: never
  clientId?: never
  clientSecret?: never
}

/**
 * Log in as an app client (machine access) with its client id and secret; the same renewal rules
 * as a user's login (before expiry, and once after a 401).
 * @example new ElevateClient({ baseUrl, brand: 'acme', clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET! })
 */
export interface ClientCredentialsClientOptions extends CommonClientOptions {
  brand: string
  clientId: string
  clientSecret: string
  /** How long before `expiresAt` the token is renewed (default 30 s, at most half its lifetime). */
  refreshMarginMs?: number
  tokenProvider?: never
  username?: never
  password?: never
}

/** Let the application supply tokens (see `TokenProvider`). */
export interface TokenProviderClientOptions extends CommonClientOptions {
  tokenProvider: TokenProvider
  brand?: never
  username?: never
  password?: never
  clientId?: never
  clientSecret?: never
}

/** Options of `new ElevateClient(…)`: a user's credentials, an app client's, or a token provider. */
export type ElevateClientOptions = CredentialsClientOptions | ClientCredentialsClientOptions | TokenProviderClientOptions

/** The default limit on one attempt: generous for a list of 1000 rows, short of a hung socket. */
export const DEFAULT_TIMEOUT_MS = 30_000

// The resources (`client.customers`, …) are generated from the OpenAPI document: the class gets
// their types by declaration merging and their methods in the constructor.
export interface ElevateClient extends Resources {}

/**
 * The Elevate API client: typed resources that resolve with data on 2xx and throw a typed error
 * otherwise, with retries, token refresh and structured logging built in.
 * @example
 * const client = new ElevateClient({ baseUrl: 'http://127.0.0.1:8080', brand: 'acme', username: 'admin', password })
 * const roles = await client.userRoles.list({ page: 1, pageSize: 50 })
 */
export class ElevateClient {
  // #private: the credentials and tokens stay out of console.log(client).
  readonly #transport: Transport
  readonly #session: CredentialsSession | undefined

  constructor(options: ElevateClientOptions) {
    const { session, tokens } = this.#tokensFor(options, () => this.#transport)
    this.#session = session
    this.#transport = new Transport({
      baseUrl: normaliseBaseUrl(options.baseUrl),
      fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
      retry: { ...DEFAULT_RETRY, ...options.retry, maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      log: createLogSink(options.logger, options.logStyle),
      tokens,
      now: Date.now,
    })
    Object.assign(this, createResources(this.#transport))
  }

  /**
   * Logs in now rather than on the first request (to fail fast on wrong credentials); the token is
   * kept for the requests that follow. Only for a client made with credentials.
   */
  async authenticate(): Promise<LoginResult> {
    if (this.#session === undefined) throw new TypeError('authenticate() needs a client made with credentials (username and password, or clientId and clientSecret)')
    return this.#session.renew()
  }

  /**
   * Any API call through the same request layer (retries, refresh, errors, logs), for endpoints
   * this SDK version has no method for yet.
   * @example await client.request({ method: 'GET', path: '/v1/user-roles', query: { page: 1, pageSize: 10 } })
   */
  request<T = unknown>(spec: RequestSpec): Promise<ApiResponse<T>> {
    return this.#transport.send<T>(spec)
  }

  #tokensFor(options: ElevateClientOptions, transport: () => Transport) {
    if (options.tokenProvider !== undefined) {
      if (typeof options.tokenProvider !== 'function') throw new TypeError('tokenProvider must be a function')
      return { session: undefined, tokens: new ProviderSession(options.tokenProvider) as TokenSource }
    }
    const filled = (...values: unknown[]) => values.every((value) => typeof value === 'string' && value !== '')
    const { brand } = options
    let credentials
    if (options.clientId !== undefined || options.clientSecret !== undefined) {
      const { clientId, clientSecret } = options
      if (!filled(brand, clientId, clientSecret) || options.username !== undefined || options.password !== undefined) {
        throw new TypeError('ElevateClient needs brand, clientId and clientSecret (and no username or password) to log in as an app client')
      }
      credentials = { brand, clientId, clientSecret }
    } else {
      const { username, password } = options
      if (!filled(brand, username, password)) throw new TypeError('ElevateClient needs brand, username and password, clientId and clientSecret, or a tokenProvider')
      credentials = { brand, username, password }
    }
    const session = new CredentialsSession(() => authenticate(transport(), credentials), options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS)
    return { session, tokens: session as TokenSource }
  }
}
