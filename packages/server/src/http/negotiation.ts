import Negotiator from 'negotiator'

const JSON_ONLY = ['application/json']
// Most clients send one of a handful of Accept headers; remember the verdicts, within a bound.
const verdicts = new Map<string, boolean>([
  ['*/*', true],
  ['application/json', true],
])
const MAX_REMEMBERED = 500

/** Whether an `Accept` header admits application/json, per RFC 9110 §12.5.1 (q=0 excludes). */
export function acceptsJson(accept: string | undefined): boolean {
  return acceptsOneOf(accept, JSON_ONLY)
}

/**
 * Whether an `Accept` header admits one of `produced` (RFC 9110 §12.5.1): an operation that answers
 * another media type (an invoice PDF) says which.
 */
export function acceptsOneOf(accept: string | undefined, produced: readonly string[]): boolean {
  if (accept === undefined || accept.trim() === '') return true
  if (produced !== JSON_ONLY) return new Negotiator({ headers: { accept } }).mediaTypes([...produced]).length > 0
  let verdict = verdicts.get(accept)
  if (verdict === undefined) {
    verdict = new Negotiator({ headers: { accept } }).mediaTypes(JSON_ONLY).length > 0
    if (verdicts.size < MAX_REMEMBERED) verdicts.set(accept, verdict)
  }
  return verdict
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined
  const semicolon = contentType.indexOf(';')
  const essence = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
  return essence === '' ? undefined : essence
}

/** Whether a Content-Type names an accepted media type in a charset we read (UTF-8 JSON only). */
export function isAcceptedContentType(contentType: string | undefined, accepted: readonly string[]): boolean {
  const essence = mediaTypeOf(contentType)
  if (essence === undefined || !accepted.includes(essence)) return false
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]
  return charset === undefined || charset.toLowerCase() === 'utf-8'
}
