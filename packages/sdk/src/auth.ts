import type { LoginResult } from './types.ts'

/**
 * Supplies bearer tokens when the application logs in itself (a secrets store, another service).
 * `forceRefresh` is true after the server rejected the last token as expired or invalid: return a
 * new one then, not a cached one.
 * @example new ElevateClient({ baseUrl, tokenProvider: ({ forceRefresh }) => vault.token(forceRefresh) })
 */
export type TokenProvider = (context: { forceRefresh: boolean }) => string | Promise<string>

/** What the request layer needs from a login: a token now, and a newer one after a 401. */
export interface TokenSource {
  /** A token to send, logging in first when there is none or it is about to expire. */
  token(): Promise<string>
  /** A token newer than `stale`; any number of concurrent callers share one renewal. */
  refresh(stale: string): Promise<string>
}

/** Renew tokens this long before `expiresAt` (at most half their lifetime), so none dies in flight. */
export const DEFAULT_REFRESH_MARGIN_MS = 30_000

/**
 * Tokens from `POST /v1/authenticate` with the client's credentials. One login at a time: callers
 * arriving while it runs wait for it, and a caller holding a token that was already replaced gets
 * the replacement, so ten concurrent 401s cost one login.
 */
export class CredentialsSession implements TokenSource {
  // #private, not `private`: console.log(client) and util.inspect must not print a live token.
  #current: { token: string; refreshAt: number } | undefined
  #pending: Promise<LoginResult> | undefined

  constructor(
    private readonly login: () => Promise<LoginResult>,
    private readonly refreshMarginMs = DEFAULT_REFRESH_MARGIN_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.#pending === undefined && this.#current !== undefined && this.now() < this.#current.refreshAt) {
      return this.#current.token
    }
    return (await this.renew()).token
  }

  async refresh(stale: string): Promise<string> {
    if (this.#pending === undefined && this.#current !== undefined && this.#current.token !== stale) return this.#current.token
    return (await this.renew()).token
  }

  /** Logs in now (or joins the login already running) and keeps the token. */
  renew(): Promise<LoginResult> {
    this.#pending ??= this.login()
      .then((result) => {
        this.#current = { token: result.token, refreshAt: this.refreshTime(result.expiresAt) }
        return result
      })
      .finally(() => {
        this.#pending = undefined
      })
    return this.#pending
  }

  private refreshTime(expiresAt: string): number {
    const expiry = Date.parse(expiresAt)
    // Without a readable expiry, keep the token until the server rejects it (then refresh on 401).
    if (Number.isNaN(expiry)) return Number.POSITIVE_INFINITY
    const lifetime = expiry - this.now()
    // Already "expired" on arrival: our clock runs ahead of the server's. Renewing on every call
    // would log in for each request; keep the token and let the server's 401 say when it ends.
    if (lifetime <= 0) return Number.POSITIVE_INFINITY
    return expiry - Math.min(this.refreshMarginMs, lifetime / 2)
  }
}

/**
 * Tokens from the application's `TokenProvider`. It is asked before every request (it caches as it
 * sees fit) and, after a 401, once with `forceRefresh` for all the requests that failed together.
 */
export class ProviderSession implements TokenSource {
  #pending: Promise<string> | undefined
  #lastRenewal: { stale: string; fresh: string } | undefined

  constructor(private readonly provider: TokenProvider) {}

  async token(): Promise<string> {
    if (this.#pending !== undefined) return this.#pending
    return checkToken(await this.provider({ forceRefresh: false }))
  }

  async refresh(stale: string): Promise<string> {
    if (this.#pending !== undefined) return this.#pending
    if (this.#lastRenewal?.stale === stale) return this.#lastRenewal.fresh
    this.#pending = Promise.resolve()
      .then(() => this.provider({ forceRefresh: true }))
      .then((fresh) => {
        this.#lastRenewal = { stale, fresh: checkToken(fresh) }
        return this.#lastRenewal.fresh
      })
      .finally(() => {
        this.#pending = undefined
      })
    return this.#pending
  }
}

function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token === '') throw new TypeError('The tokenProvider must return a non-empty string')
  return token
}
