import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ElevateClient, type ElevateClientOptions, type UserRole } from '../src/index.ts'
import { parseRetryAfter } from '../src/responses.ts'

/** A fake `fetch`: no server, no mocking library; it answers every call with `reply` and records it. */
function fakeFetch(reply: (url: string, init: RequestInit) => Response) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return reply(url, init)
  }
  return { fetch, calls }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('ElevateClient', () => {
  it('adds /v1 to the server root, with or without a trailing slash or a path prefix', async () => {
    for (const [baseUrl, expected] of [
      ['http://api.test:8080', 'http://api.test:8080/v1/user-roles/3'],
      ['http://api.test:8080/', 'http://api.test:8080/v1/user-roles/3'],
      ['https://gw.test/elevate/', 'https://gw.test/elevate/v1/user-roles/3'],
    ] as const) {
      const { fetch, calls } = fakeFetch(() => json({ id: 3, name: 'x', permissions: [] }))
      const client = new ElevateClient({ baseUrl, tokenProvider: () => 't', fetch })
      await client.userRoles.get(3)
      assert.equal(calls[0]?.url, expected)
    }
  })

  it('sends Accept, the bearer token and the query, and never a body on GET', async () => {
    const { fetch, calls } = fakeFetch(() => json([]))
    const client = new ElevateClient({ baseUrl: 'http://api.test', tokenProvider: () => 'tok', fetch })
    await client.userRoles.list({ page: 2, pageSize: 25, sort: 'name', name: 'in:a,b' })
    const headers = new Headers(calls[0]?.init.headers)
    assert.equal(headers.get('accept'), 'application/json')
    assert.equal(headers.get('authorization'), 'Bearer tok')
    assert.equal(calls[0]?.init.body, undefined)
    assert.equal(calls[0]?.url, 'http://api.test/v1/user-roles?page=2&pageSize=25&sort=name&name=in%3Aa%2Cb')
  })

  it('needs complete credentials or a token provider', () => {
    assert.throws(() => new ElevateClient({ baseUrl: 'http://api.test', brand: 'acme', username: 'admin' } as ElevateClientOptions), TypeError)
    assert.throws(() => new ElevateClient({ baseUrl: 'not a url', tokenProvider: () => 't' }), TypeError)
    assert.throws(() => new ElevateClient({ baseUrl: 'http://api.test?x=1', tokenProvider: () => 't' }), TypeError)
  })

  it('types list items whole without `fields`, and partial with it', async () => {
    const { fetch } = fakeFetch(() => json([]))
    const client = new ElevateClient({ baseUrl: 'http://api.test', tokenProvider: () => 't', fetch })
    const whole: UserRole[] = await client.userRoles.list({ page: 1, pageSize: 1 })
    const partial: Array<Partial<UserRole>> = await client.userRoles.list({ page: 1, pageSize: 1, fields: 'id' })
    // @ts-expect-error: with `fields`, an item may lack `name`
    const notWhole: UserRole[] = await client.userRoles.list({ page: 1, pageSize: 1, fields: 'id' })
    // @ts-expect-error: page and pageSize are required, as the API requires them
    await client.userRoles.list({ page: 1 }).catch(() => undefined)
    assert.deepEqual([whole, partial, notWhole], [[], [], []])
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2026-01-08T12:00:00Z')
    assert.equal(parseRetryAfter('5', now), 5_000)
    assert.equal(parseRetryAfter('Thu, 08 Jan 2026 12:00:30 GMT', now), 30_000)
    assert.equal(parseRetryAfter('Thu, 08 Jan 2026 11:00:00 GMT', now), 0)
    assert.equal(parseRetryAfter('soon', now), undefined)
    assert.equal(parseRetryAfter(null, now), undefined)
  })
})
