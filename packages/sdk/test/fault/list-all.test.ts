import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { parseLinkHeader } from '../../src/pages.ts'
import { faultClient } from '../helpers/clients.ts'
import { ok, routes, startFaultServer, type FaultServer, type SeenRequest } from '../helpers/fault-server.ts'

const ROLES = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: `role ${i + 1}`, permissions: [] }))

/** Pages of ROLES as the API pages them, with or without a Link header. */
function pages(withLinks: boolean, linkBase = '/v1/user-roles') {
  return (request: SeenRequest) => {
    const page = Number(request.query.get('page'))
    const size = Number(request.query.get('pageSize'))
    const items = ROLES.slice((page - 1) * size, page * size)
    const more = page * size < ROLES.length
    const query = (p: number) => {
      const q = new URLSearchParams(request.query)
      q.set('page', String(p))
      return q.toString()
    }
    const links = [more ? `<${linkBase}?${query(page + 1)}>; rel="next"` : '', page > 1 ? `<${linkBase}?${query(page - 1)}>; rel="prev"` : '']
    const link = links.filter((l) => l !== '').join(', ')
    return ok(items, withLinks && link !== '' ? { link } : {})
  }
}

describe('listAll', () => {
  let server: FaultServer | undefined
  afterEach(() => server?.close())

  async function collect(withLinks: boolean, pageSize: number, linkBase?: string) {
    await server?.close()
    server = await startFaultServer(routes({ api: pages(withLinks, linkBase) }))
    const { client } = faultClient(server)
    const ids: number[] = []
    for await (const role of client.userRoles.listAll({ name: 'like:role', sort: 'id' }, { pageSize })) ids.push(role.id)
    return ids
  }

  it('yields every item of every page, following rel="next" and keeping the filters', async () => {
    assert.deepEqual(await collect(true, 3), [1, 2, 3, 4, 5, 6, 7, 8])
    assert.deepEqual(server?.apiRequests().map((r) => r.query.get('page')), ['1', '2', '3'])
    assert.ok(server?.apiRequests().every((r) => r.query.get('name') === 'like:role' && r.query.get('pageSize') === '3'))
  })

  it('stops at a full last page when the page’s links have no rel="next"', async () => {
    // 8 roles in pages of 4: page 2 is full, but its only link is rel="prev", so it is the last.
    assert.deepEqual(await collect(true, 4), [1, 2, 3, 4, 5, 6, 7, 8])
    assert.equal(server?.apiRequests().length, 2)
    // In pages of 8, page 1 is full and has no links at all, so the links cannot tell: one more
    // request finds the empty page.
    assert.deepEqual(await collect(true, 8), [1, 2, 3, 4, 5, 6, 7, 8])
    assert.equal(server?.apiRequests().length, 2)
  })

  it('without links, walks pages until a short or empty one', async () => {
    assert.deepEqual(await collect(false, 3), [1, 2, 3, 4, 5, 6, 7, 8])
    assert.equal(server?.apiRequests().length, 3)
  })

  it('refuses to follow a next link to another host', async () => {
    await assert.rejects(collect(true, 3, 'http://evil.example/v1/user-roles'), /Refusing to follow/)
  })

  it('fetches pages only as they are consumed', async () => {
    const started = await startFaultServer(routes({ api: pages(true) }))
    server = started
    const { client } = faultClient(started)
    for await (const role of client.userRoles.listAll({}, { pageSize: 2 })) if (role.id === 2) break
    assert.equal(started.apiRequests().length, 1)
  })
})

describe('parseLinkHeader', () => {
  it('reads targets by relation, quoted or not, several per link', () => {
    const links = parseLinkHeader('</v1/x?page=3&a=b,c>; rel="next", </v1/x?page=1>; title="x"; rel=prev, </v1/x?page=9>; rel="last end"')
    assert.equal(links.get('next'), '/v1/x?page=3&a=b,c')
    assert.equal(links.get('prev'), '/v1/x?page=1')
    assert.equal(links.get('last'), '/v1/x?page=9')
    assert.equal(links.get('end'), '/v1/x?page=9')
    assert.equal(parseLinkHeader(null).size, 0)
  })
})
