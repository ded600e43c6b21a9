import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import { TokenService } from './tokens.ts'

const key = async () => new Uint8Array(32).fill(7)
const claims = { userId: 4, brandId: 2, username: 'a', roleIds: [1], sessionVersion: 3 }
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof AppError ? error.code : 'other'))

describe('bearer tokens', () => {
  it('verifies its own tokens, and rejects them once expired even after a cached verification', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const tokens = new TokenService(key, 900, () => now)
    const { token, expiresAt } = await tokens.issue(claims)
    assert.equal(expiresAt.toISOString(), '2026-01-01T00:15:00.000Z')
    assert.deepEqual(await tokens.verify(token), { userId: 4, brandId: 2, sessionVersion: 3 })
    assert.deepEqual(await tokens.verify(token), { userId: 4, brandId: 2, sessionVersion: 3 }, 'a second time, from the cache')
    now = new Date('2026-01-01T00:15:01Z')
    assert.equal(await codeOf(tokens.verify(token)), 'token_expired')
  })

  it('rejects a token of another key, and one not valid yet', async () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const other = await new TokenService(async () => new Uint8Array(32).fill(8), 900, () => now).issue(claims)
    const tokens = new TokenService(key, 900, () => now)
    assert.equal(await codeOf(tokens.verify(other.token)), 'invalid_token')
    const future = await new TokenService(key, 900, () => new Date('2026-06-01T00:00:00Z')).issue(claims)
    assert.equal(await codeOf(tokens.verify(future.token)), 'invalid_token')
  })
})
