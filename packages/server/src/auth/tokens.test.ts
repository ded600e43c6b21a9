import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import type { KeyRing } from './signing-key.ts'
import { TokenService } from './tokens.ts'

/** A key ring of keys filled with one byte each; the first is current. */
const ring = (...keys: Array<[string, number]>): KeyRing => ({
  checksKeys: true,
  current: async () => ({ kid: keys[0]![0], secret: new Uint8Array(32).fill(keys[0]![1]) }),
  byKid: async (kid) => {
    const found = keys.find(([id]) => id === kid)
    return found === undefined ? undefined : new Uint8Array(32).fill(found[1])
  },
})
const key = ring(['k7', 7])
const claims = { userId: 4, brandId: 2, username: 'a', roleIds: [1], sessionVersion: 3 }
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: unknown) => (error instanceof AppError ? error.code : 'other'))

describe('bearer tokens', () => {
  it('verifies its own tokens, and rejects them once expired even after a cached verification', async () => {
    let now = new Date('2026-01-01T00:00:00Z')
    const tokens = new TokenService(key, 900, () => now)
    const { token, expiresAt } = await tokens.issue(claims)
    assert.equal(expiresAt.toISOString(), '2026-01-01T00:15:00.000Z')
    assert.deepEqual(await tokens.verify(token), { userId: 4, brandId: 2, sessionVersion: 3, kid: 'k7' })
    assert.deepEqual(await tokens.verify(token), { userId: 4, brandId: 2, sessionVersion: 3, kid: 'k7' }, 'a second time, from the cache')
    now = new Date('2026-01-01T00:15:01Z')
    assert.equal(await codeOf(tokens.verify(token)), 'token_expired')
  })

  it('rejects a token of another key, and one not valid yet', async () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const other = await new TokenService(ring(['k7', 8]), 900, () => now).issue(claims)
    const tokens = new TokenService(key, 900, () => now)
    assert.equal(await codeOf(tokens.verify(other.token)), 'invalid_token')
    const future = await new TokenService(key, 900, () => new Date('2026-06-01T00:00:00Z')).issue(claims)
    assert.equal(await codeOf(tokens.verify(future.token)), 'invalid_token')
  })

  it('signs with the current key and names it (kid); verifies with any key the ring still has', async () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const old = await new TokenService(ring(['old', 1]), 900, () => now).issue(claims)
    const rotated = new TokenService(ring(['new', 2], ['old', 1]), 900, () => now)
    assert.equal((await rotated.verify(old.token)).kid, 'old')
    assert.equal((await rotated.verify((await rotated.issue(claims)).token)).kid, 'new')
    const dropped = new TokenService(ring(['new', 2]), 900, () => now)
    assert.equal(await codeOf(dropped.verify(old.token)), 'invalid_token')
  })
})
