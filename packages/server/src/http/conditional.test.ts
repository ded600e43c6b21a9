import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { installConditionalGet } from './conditional.ts'

// Not ASCII, so the string's length and its UTF-8 byte count differ: the tag and Content-Length
// must both be of the bytes sent.
const BODY = JSON.stringify({ items: [{ name: 'Café Zoë ✓' }, { name: 'Ünïcode — 東京' }] })
const tagOf = (text: string) => `"${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64url').slice(0, 27)}"`

function app() {
  const server = Fastify()
  installConditionalGet(server)
  server.get('/list', async (_request, reply) => reply.type('application/json; charset=utf-8').send(BODY))
  server.get('/versioned', async (_request, reply) => reply.header('etag', '"7"').send({ id: 1 }))
  server.post('/list', async () => BODY)
  return server
}

describe('conditional GET', () => {
  it('tags a 200 with the SHA-256 of the UTF-8 bytes it sends, and sends them unchanged', async () => {
    const response = await app().inject({ method: 'GET', url: '/list' })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers.etag, tagOf(BODY))
    assert.equal(response.body, BODY)
    assert.equal(Number(response.headers['content-length']), Buffer.byteLength(BODY))
    assert.notEqual(Buffer.byteLength(BODY), BODY.length)
  })

  it('answers 304 with no body to a matching If-None-Match, and 200 to another tag', async () => {
    const server = app()
    const matching = await server.inject({ method: 'GET', url: '/list', headers: { 'if-none-match': `"x", W/${tagOf(BODY)}` } })
    assert.equal(matching.statusCode, 304)
    assert.equal(matching.body, '')
    assert.equal(matching.headers.etag, tagOf(BODY))
    const other = await server.inject({ method: 'GET', url: '/list', headers: { 'if-none-match': '"x"' } })
    assert.equal(other.statusCode, 200)
    assert.equal(other.body, BODY)
  })

  it('keeps a version tag the route set, and tags neither other methods nor empty answers', async () => {
    const server = app()
    const versioned = await server.inject({ method: 'GET', url: '/versioned', headers: { 'if-none-match': '"7"' } })
    assert.equal(versioned.statusCode, 304)
    assert.equal(versioned.headers.etag, '"7"')
    const post = await server.inject({ method: 'POST', url: '/list' })
    assert.equal(post.statusCode, 200)
    assert.equal(post.headers.etag, undefined)
    const head = await server.inject({ method: 'HEAD', url: '/list' })
    assert.equal(head.statusCode, 200)
    assert.equal(head.headers.etag, tagOf(BODY), 'HEAD tags what GET would send')
  })
})
