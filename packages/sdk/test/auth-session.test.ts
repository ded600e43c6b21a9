import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CredentialsSession, ProviderSession } from '../src/auth.ts'

/** A session over a fake login whose clock the test moves by hand. */
function session(lifetimeMs: number, marginMs = 30_000) {
  let now = 1_000_000
  let logins = 0
  const login = async () => {
    logins += 1
    return { token: `t${logins}`, username: 'admin', expiresAt: new Date(now + lifetimeMs).toISOString() }
  }
  const tokens = new CredentialsSession(login, marginMs, () => now)
  return { tokens, logins: () => logins, advance: (ms: number) => void (now += ms) }
}

describe('CredentialsSession', () => {
  it('keeps a token until the refresh margin before its expiry, then logs in again', async () => {
    const { tokens, logins, advance } = session(900_000)
    assert.equal(await tokens.token(), 't1')
    advance(900_000 - 30_001)
    assert.equal(await tokens.token(), 't1')
    advance(2)
    assert.equal(await tokens.token(), 't2')
    assert.equal(logins(), 2)
  })

  it('renews a short-lived token at half its lifetime, not at every call', async () => {
    const { tokens, advance } = session(2_000)
    assert.equal(await tokens.token(), 't1')
    advance(999)
    assert.equal(await tokens.token(), 't1')
    advance(2)
    assert.equal(await tokens.token(), 't2')
  })

  it('keeps a token that looks expired on arrival (clock ahead of the server) until a 401', async () => {
    const { tokens, logins, advance } = session(-5_000)
    assert.equal(await tokens.token(), 't1')
    advance(60_000)
    assert.equal(await tokens.token(), 't1')
    assert.equal(await tokens.refresh('t1'), 't2')
    assert.equal(logins(), 2)
  })

  it('hands the replacement to a caller whose stale token was already replaced', async () => {
    const { tokens, logins } = session(900_000)
    const stale = await tokens.token()
    const [a, b] = await Promise.all([tokens.refresh(stale), tokens.refresh(stale)])
    assert.deepEqual([a, b, await tokens.refresh(stale)], ['t2', 't2', 't2'])
    assert.equal(logins(), 2)
  })

  it('lets the next caller try again after a failed login', async () => {
    let fail = true
    const tokens = new CredentialsSession(async () => {
      if (fail) throw new Error('down')
      return { token: 'ok', username: 'a', expiresAt: new Date(Date.now() + 60_000).toISOString() }
    })
    await assert.rejects(tokens.token(), /down/)
    fail = false
    assert.equal(await tokens.token(), 'ok')
  })
})

describe('ProviderSession', () => {
  it('rejects a provider that returns no token', async () => {
    const tokens = new ProviderSession(() => '')
    await assert.rejects(tokens.token(), TypeError)
  })
})
