import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Keeps a well-formed client `X-Request-Id` (so logs join up across services), else makes one. */
export function requestIdFor(request: IncomingMessage): string {
  const sent = request.headers['x-request-id']
  return typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID()
}
