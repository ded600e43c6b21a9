import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import { ConflictError, PreconditionFailedError } from '../../src/index.ts'
import { nestedResourceMethods, resourceMethods, type ListQueryBase } from '../../src/resources/resource.ts'
import ts from 'typescript'
import { generateResources } from '../../scripts/resources.ts'
import { errorReply, ok, sequence, startFaultServer, type FaultServer, type Reply } from '../helpers/fault-server.ts'
import { bareTransport } from '../helpers/transport.ts'

interface Widget {
  id: number
  name: string
}
type WidgetQuery = ListQueryBase & { name?: string }

const created: Reply = { status: 201, json: { id: 7, name: 'w' }, headers: { location: '/v1/widgets/7' } }

describe('the generic resource helper: create, update, exists', () => {
  let server: FaultServer
  afterEach(() => server.close())

  function widgets(...replies: Reply[]) {
    return startFaultServer(sequence(...replies)).then((started) => {
      server = started
      return resourceMethods<Widget, WidgetQuery, { name: string }, Partial<Widget>>(bareTransport(server.url), '/v1/widgets')
    })
  }

  it('retries a create with the same Idempotency-Key on every attempt', async () => {
    const api = await widgets(errorReply(503, 'database_unavailable'), { reset: true }, created)
    assert.deepEqual(await api.create({ name: 'w' }), { id: 7, name: 'w' })
    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    assert.equal(keys.length, 3)
    assert.match(keys[0] as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    assert.deepEqual(new Set(keys).size, 1)
    assert.deepEqual(server.requests.map((r) => r.body), Array(3).fill('{"name":"w"}'))
    assert.equal(server.requests[0]?.headers['content-type'], 'application/json')
  })

  it('uses a new key for each logical create', async () => {
    const api = await widgets(created)
    await api.create({ name: 'a' })
    await api.create({ name: 'b' })
    const [first, second] = server.requests.map((r) => r.headers['idempotency-key'])
    assert.notEqual(first, second)
  })

  it('throws ConflictError on a 409 without retrying it', async () => {
    const api = await widgets(errorReply(409, 'already_exists', { errors: [{ field: 'name', code: 'taken', message: 'is taken' }] }))
    const error = await api.create({ name: 'w' }).catch((e: unknown) => e)
    assert.ok(error instanceof ConflictError)
    assert.deepEqual(error.errors, [{ field: 'name', code: 'taken', message: 'is taken' }])
    assert.equal(server.requests.length, 1)
  })

  it('sends a merge patch or a JSON Patch with If-Match, and retries it', async () => {
    const api = await widgets(errorReply(502, 'x'), ok({ id: 7, name: 'v' }), ok({ id: 7, name: 'u' }))
    await api.update(7, { name: 'v' }, { ifMatch: '"3"' })
    await api.update(7, [{ op: 'replace', path: '/name', value: 'u' }])
    const [, merge, patch] = server.requests
    assert.equal(merge?.method, 'PATCH')
    assert.equal(merge?.path, '/v1/widgets/7')
    assert.equal(merge?.headers['content-type'], 'application/merge-patch+json')
    assert.equal(merge?.headers['if-match'], '"3"')
    assert.equal(merge?.body, '{"name":"v"}')
    assert.equal(patch?.headers['content-type'], 'application/json-patch+json')
    assert.equal(patch?.headers['if-match'], undefined)
  })

  it('throws PreconditionFailedError on 412', async () => {
    const api = await widgets(errorReply(412, 'precondition_failed'))
    await assert.rejects(api.update(7, { name: 'v' }, { ifMatch: '"old"' }), PreconditionFailedError)
  })

  it('reads the ETag with getWithETag', async () => {
    const api = await widgets(ok({ id: 7, name: 'w' }, { etag: '"5"' }))
    assert.deepEqual(await api.getWithETag(7), { item: { id: 7, name: 'w' }, etag: '"5"' })
  })

  it('answers exists() from a HEAD: 200 is true, 404 is false', async () => {
    const api = await widgets({ status: 200 }, { status: 404 })
    assert.equal(await api.exists({ name: 'w' }), true)
    assert.equal(await api.exists({ name: 'nope' }), false)
    assert.deepEqual(server.requests.map((r) => [r.method, r.query.get('name')]), [['HEAD', 'w'], ['HEAD', 'nope']])
  })
})

describe('a collection under a parent whose items have a path of their own', () => {
  let server: FaultServer
  afterEach(() => server.close())

  it('lists, checks and creates under the parent; gets, updates and deletes by the item path', async () => {
    server = await startFaultServer(sequence(ok([]), { status: 200 }, created, ok({ id: 7, name: 'w' }), ok({ id: 7, name: 'v' }), { status: 204 }))
    const labels = nestedResourceMethods<Widget, WidgetQuery, { name: string }, Partial<Widget>>(bareTransport(server.url), '/v1/parents/{parentId}/widgets', '/v1/widgets')
    await labels.list(3, { page: 1, pageSize: 10, name: 'w' })
    assert.equal(await labels.exists('a/b', { name: 'w' }), true)
    await labels.create(3, { name: 'w' })
    await labels.get(7)
    await labels.update(7, { name: 'v' })
    await labels.delete(7)
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.path}`), [
      'GET /v1/parents/3/widgets',
      'HEAD /v1/parents/a%2Fb/widgets',
      'POST /v1/parents/3/widgets',
      'GET /v1/widgets/7',
      'PATCH /v1/widgets/7',
      'DELETE /v1/widgets/7',
    ])
    assert.equal(server.requests[0]?.query.get('name'), 'w')
  })

  it('is what the generator writes for such a tag', () => {
    const op = (operationId: string, method: string) => ({ operationId, tags: ['widgets'], 'x-sdk-method': method, 'x-sdk-type': 'Widget', responses: {} })
    const source = generateResources(
      {
        paths: {
          '/v1/parents/{parentId}/widgets': { get: op('getWidgets', 'list'), post: op('createWidget', 'create') },
          '/v1/widgets/{widgetId}': { get: op('getWidget', 'get'), delete: op('deleteWidget', 'delete') },
        },
      },
      '',
    )
    assert.match(source, /nestedResourceMethods<Widget, ListWidgetsQuery, CreateWidgetBody, never, Widget>\(transport, '\/v1\/parents\/\{parentId\}\/widgets', '\/v1\/widgets'\)/)
    assert.match(source, /import \{ nestedResourceMethods, resourceMethods, type ListQueryBase \}/)
    // `delete` is a reserved word: bound under another name, offered as the property `delete`.
    assert.match(source, /const \{ list, listAll, create, get, delete: deleteItem \} = nestedResourceMethods/)
    assert.match(source, /return \{ list, listAll, create, get, delete: deleteItem \}/)
    const { diagnostics } = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } })
    assert.deepEqual(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], 'the generated module parses')
  })
})
