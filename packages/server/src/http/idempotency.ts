import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, validationMessage, type FieldError } from '../errors.ts'
import { requestFingerprint } from '../idempotency/fingerprint.ts'
import type { IdempotencyClaim, IdempotencyScope, IdempotencyStore, StoredResponse } from '../idempotency/idempotency-store.ts'
import { requestPath } from './error-body.ts'

/**
 * `Idempotency-Key` on creates (docs/errors.md): the HTTP half. After the contract's checks and
 * validation (a preHandler), a request with a key claims it; the first final outcome (2xx, 4xx but
 * 429) is stored when the response is sent (onSend) and replayed to every later request with the
 * same key, brand, user, method, path and body. Anything else (5xx, 429) gives the key up, so a
 * retry runs again. Storage is behind `IdempotencyStore`; this file never sees the database.
 */

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'
const MAX_KEY_LENGTH = 255
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/
/** The response headers a replay repeats; the rest (X-Request-Id, Date, …) are the replay's own. */
const STORED_HEADERS = ['content-type', 'location', 'etag'] as const
const IN_PROGRESS_RETRY_AFTER_SECONDS = 1

/** The claim a request holds until its response is sent. */
const claims = new WeakMap<FastifyRequest, IdempotencyClaim>()
/** Replayed requests, with the request id whose outcome they repeat (for the log line). */
const replays = new WeakMap<FastifyRequest, string>()

/**
 * Claims this instance could not give up because the database was away when their request failed
 * (a 503). Left alone, the key would answer 409 in progress until the claim lapses (60 s); instead
 * the retry of that key, once the database is back, releases it first and runs.
 */
const unreleased = new Map<string, IdempotencyClaim>()
const MAX_UNRELEASED = 10_000
const scopeKey = (scope: IdempotencyScope) => `${scope.brandId}\u0000${scope.userId}\u0000${scope.key}`

async function release(store: IdempotencyStore, claim: IdempotencyClaim): Promise<void> {
  try {
    await store.release(claim)
    unreleased.delete(scopeKey(claim))
  } catch {
    if (unreleased.size >= MAX_UNRELEASED) unreleased.delete(unreleased.keys().next().value!)
    unreleased.set(scopeKey(claim), claim)
  }
}

/** Installs the hooks; they act only on routes whose guard says `idempotent`. */
export function installIdempotency(app: FastifyInstance, store: IdempotencyStore): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.guard?.idempotent !== true) return
    const key = idempotencyKeyOf(request.headers['idempotency-key'])
    if (key === undefined) return
    const scope = { brandId: request.actor.brandId, userId: request.actor.userId, key }
    const stale = unreleased.get(scopeKey(scope))
    if (stale !== undefined) await release(store, stale)
    const fingerprint = requestFingerprint(request.method, requestPath(request), request.body)
    const outcome = await store.claim(scope, fingerprint, request.id)
    switch (outcome.kind) {
      case 'claimed':
        claims.set(request, outcome.claim)
        return
      case 'in_progress':
        // The first request is still running: its outcome is usually there within a second.
        throw new AppError('idempotency_key_in_progress', { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS })
      case 'mismatch':
        throw new AppError('idempotency_key_reused')
      case 'completed':
        return replay(request, reply, outcome.response)
    }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request)
    if (claim === undefined) return payload
    claims.delete(request)
    const status = reply.statusCode
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : payload == null ? null : undefined
    try {
      if (isFinal(status) && body !== undefined) await store.complete(claim, { status, headers: storedHeaders(reply), body })
      else await release(store, claim)
    } catch (error) {
      // The response goes out regardless; a claim left unsettled is released by the key's retry.
      request.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not settle the idempotency key')
      await release(store, claim)
    }
    return payload
  })

  // A response that ended without onSend (none today) must not keep its key claimed.
  app.addHook('onResponse', async (request) => {
    const claim = claims.get(request)
    if (claim === undefined) return
    claims.delete(request)
    await release(store, claim)
  })
}

/** Fields for the request's log line: which request a replay repeated. */
export function idempotencyLogFields(request: FastifyRequest): { idempotentReplayOf?: string } {
  const original = replays.get(request)
  return original === undefined ? {} : { idempotentReplayOf: original }
}

/**
 * OpenAPI only: the optional header on an idempotent route. Validation is the preHandler's
 * (`idempotencyKeyOf`), so that the error names the header as clients write it.
 */
export const IDEMPOTENCY_KEY_PARAMETER = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_KEY_LENGTH,
  pattern: '^[\\x20-\\x7e]+$',
  description:
    'Makes the create safe to retry: the first final outcome (2xx or 4xx) is kept (24 hours by default) per user and key and ' +
    'replayed, with Idempotent-Replayed: true, to a retry of the same request. The same key with a different request is ' +
    '400 idempotency_key_reused; while the first is still running, 409 idempotency_key_in_progress with Retry-After.',
  examples: ['6f1e0c0e-6a77-4a53-9c43-1f0b8d2f9c11'],
}

/** The key, undefined when none was sent, or 400 `invalid_header`. */
function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined
  const problem = keyProblem(header)
  if (problem === undefined) return header as string
  const errors: FieldError[] = [{ field: IDEMPOTENCY_KEY_HEADER, ...problem }]
  throw new AppError('invalid_header', { message: validationMessage(errors, 'headers'), errors })
}

function keyProblem(header: string | string[]): Omit<FieldError, 'field'> | undefined {
  if (Array.isArray(header)) return { code: 'invalid_value', message: 'must be sent once' }
  if (header.length === 0) return { code: 'too_short', message: 'must not be empty' }
  if (header.length > MAX_KEY_LENGTH) return { code: 'too_long', message: `must be at most ${MAX_KEY_LENGTH} characters long` }
  if (!PRINTABLE_ASCII.test(header)) return { code: 'invalid_format', message: 'must be printable ASCII characters' }
  return undefined
}

/** Outcomes a retry must get again; a 5xx or a 429 is worth running again instead. */
function isFinal(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429)
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of STORED_HEADERS) {
    const value = reply.getHeader(name)
    if (value !== undefined) headers[name] = String(value)
  }
  return headers
}

/** Answers the stored outcome again. */
function replay(request: FastifyRequest, reply: FastifyReply, stored: StoredResponse): FastifyReply {
  replays.set(request, stored.requestId)
  reply.code(stored.status).headers(stored.headers).header('idempotent-replayed', 'true')
  return reply.send(stored.status >= 400 ? withOwnRequestId(stored.body, request.id) : (stored.body ?? undefined))
}

/**
 * An error body's `requestId` always equals the response's X-Request-Id (docs/errors.md), which is
 * the replay's own; the rest of the body is the stored one, word for word.
 */
function withOwnRequestId(body: string | null, requestId: string): string | undefined {
  if (body === null) return undefined
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>
    if (parsed === null || typeof parsed !== 'object' || !('requestId' in parsed)) return body
    return JSON.stringify({ ...parsed, requestId })
  } catch {
    return body
  }
}
