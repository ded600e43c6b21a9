import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Conditional GET (RFC 9110 §13.1.2): every 200 to GET or HEAD carries an ETag (the resource's
 * version where it has one, else a digest of the body), and a request whose `If-None-Match` names
 * it is answered 304 Not Modified with no body, so a client polling a list or a record it already
 * holds pays for headers only. The digest is of the exact bytes sent, so it is a strong tag.
 */
export function installConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload
    let etag = reply.getHeader('etag') as string | undefined
    if (etag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
      if (payload.length === 0) return payload // a HEAD exists-check: nothing to tag
      etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`
      reply.header('etag', etag)
    }
    if (!noneMatch(request, etag)) return payload
    return notModified(reply)
  })
}

/** RFC 9110 §13.1.2: `*`, or any listed tag equal to ours by weak comparison. */
function noneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (header === undefined) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque)
}

/** 304 keeps the headers a 200 would have sent that describe the representation, not the body. */
function notModified(reply: FastifyReply): null {
  reply.code(304)
  reply.removeHeader('content-type')
  reply.removeHeader('content-length')
  return null
}
