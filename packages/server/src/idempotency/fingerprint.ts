import { createHash } from 'node:crypto'

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

/** JSON with object keys in sorted order, at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(node).sort()) sorted[key] = (node as Record<string, unknown>)[key]
    return sorted
  })
}
