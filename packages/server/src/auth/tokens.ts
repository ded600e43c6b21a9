import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import { AppError } from '../errors.ts'

const ISSUER = 'elevate-api'
const AUDIENCE = 'elevate-api'
// The only algorithm accepted: a token naming another (`none`, RS256 with our secret as a public
// key, …) is refused before its signature is looked at.
const ALGORITHM = 'HS256'

export interface TokenClaims {
  userId: number
  brandId: number
  username: string
  roleIds: number[]
}

/** Who a verified token speaks for. One object per token for as long as it is cached, so callers
 * may key their own caches on it (a WeakMap entry then lives exactly as long as the token's). */
export interface VerifiedToken {
  readonly userId: number
  readonly brandId: number
}

export interface IssuedToken {
  token: string
  expiresAt: Date
}

/** Signs and verifies the API's bearer tokens (JWT, RFC 7519). */
export class TokenService {
  private secret: Promise<Uint8Array> | undefined
  /**
   * Tokens already verified, until they expire: a token's signature cannot change, so the HMAC
   * need not be checked on every request (it is most of the cost of authenticating). Bounded;
   * the oldest entries go first.
   */
  private readonly verified = new Map<string, { claims: VerifiedToken; expiresAt: number }>()
  private static readonly MAX_VERIFIED = 10_000

  /** `loadSecret` runs on first use (not at start-up), and again if it failed. */
  constructor(
    private readonly loadSecret: () => Promise<Uint8Array>,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private key(): Promise<Uint8Array> {
    this.secret ??= this.loadSecret().catch((error: unknown) => {
      this.secret = undefined
      throw error
    })
    return this.secret
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.clock().getTime() / 1000)
    const expiresAt = issuedAt + this.ttlSeconds
    const token = await new SignJWT({ brandId: claims.brandId, username: claims.username, roles: claims.roleIds })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(String(claims.userId))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(await this.key())
    return { token, expiresAt: new Date(expiresAt * 1000) }
  }

  /** The token's user and brand, or a 401 AppError saying why not. */
  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token)
    if (known !== undefined) {
      if (known.expiresAt > this.clock().getTime()) return known.claims
      this.verified.delete(token)
    }
    const entry = await this.verifySignature(token)
    if (this.verified.size >= TokenService.MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!)
    this.verified.set(token, entry)
    return entry.claims
  }

  private async verifySignature(token: string): Promise<{ claims: VerifiedToken; expiresAt: number }> {
    const key = await this.key() // outside the try: a database failure is not a bad token
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat', 'nbf'],
        currentDate: this.clock(),
      })
      const userId = Number(payload.sub)
      const brandId = payload.brandId
      if (!Number.isSafeInteger(userId) || typeof brandId !== 'number' || !Number.isSafeInteger(brandId)) {
        throw invalidToken('The bearer token does not name a user')
      }
      return { claims: Object.freeze({ userId, brandId }), expiresAt: payload.exp! * 1000 }
    } catch (error) {
      if (error instanceof AppError) throw error
      if (error instanceof errors.JWTExpired) {
        throw new AppError('token_expired', { challenge: { error: 'invalid_token', description: 'The token has expired' } })
      }
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
        throw invalidToken('The bearer token is not valid yet')
      }
      throw invalidToken()
    }
  }
}

export function invalidToken(message?: string): AppError {
  return new AppError('invalid_token', { message, challenge: { error: 'invalid_token', description: message ?? 'The token is not valid' } })
}
