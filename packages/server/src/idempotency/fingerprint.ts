import { createHash } from 'node:crypto'
import { canonicalJson } from '../canonical-json.ts'

/**
 * What makes two requests "the same request" for an Idempotency-Key: the method, the path and the
 * body. The body is the parsed JSON, written back with its object keys sorted, so a retry that
 * serialises the same document differently (key order, spacing) is still the same request.
 */
export function requestFingerprint(method: string, path: string, body: unknown): Buffer {
  return createHash('sha256')
    .update(method)
    .update('\u0000')
    .update(path)
    .update('\u0000')
    .update(body === undefined ? '' : canonicalJson(body))
    .digest()
}
