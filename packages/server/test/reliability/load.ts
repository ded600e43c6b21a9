import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import { customerBody, siteBody, type AdminSetup } from '../helpers/fixtures.ts'
import type { HttpClient, TestResponse } from '../helpers/http.ts'

/**
 * Mixed load from a few clients that follow the contract: lists, reads, creates (two sites each,
 * with an Idempotency-Key, retried with the same key after a 503) and patches (two fields at once).
 * It records every answer and every broken promise; the test decides what must have happened.
 */
export interface LoadRecord {
  statuses: Map<number | string, number>
  /** Answers that break the contract during faults: anything but 2xx or a proper 503. */
  violations: string[]
  /** Customers created (each with two sites), by id. */
  customers: number[]
  /** Creates answered 503 and not yet retried to completion: key and body. */
  pendingCreates: Array<{ key: string; body: unknown }>
  answered: number
}

/** A client gives up on an answer after this long: that would be a hang (the request timeout is shorter). */
const HANG_MS = 40_000
/** A patch writes its number into two fields; a half-applied patch shows as a mismatch. */
export const endDateFor = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)

export function startLoad(server: HttpClient, token: string, setup: AdminSetup, clients = 4) {
  const record: LoadRecord = { statuses: new Map(), violations: [], customers: [], pendingCreates: [], answered: 0 }
  const waiters: Array<{ target: number; resolve: () => void }> = []
  let running = true
  let counter = 0

  const note = (label: string, response: TestResponse | Error) => {
    record.answered++
    if (response instanceof Error) {
      record.violations.push(`${label}: ${response.name} ${response.message}`)
    } else {
      record.statuses.set(response.status, (record.statuses.get(response.status) ?? 0) + 1)
      if (response.status === 503) checkUnavailable(label, response, record.violations)
      else if (response.status >= 300) record.violations.push(`${label}: ${response.status} ${response.text.slice(0, 200)}`)
    }
    for (const waiter of waiters.filter((w) => record.answered >= w.target)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }
  const send = (method: string, path: string, options: Parameters<HttpClient['request']>[2] = {}) =>
    server.request(method, path, { token, ...options, signal: AbortSignal.timeout(HANG_MS) }).catch((error: Error) => error)

  async function step(n: number): Promise<void> {
    const kind = n % 4
    if (kind === 0) return note('list', await send('GET', '/v1/customers?page=1&pageSize=20'))
    if (kind === 1 && record.customers.length > 0) return note('get', await send('GET', `/v1/customers/${record.customers[n % record.customers.length]}`))
    if (kind === 3 && record.customers.length > 0) {
      const id = record.customers[n % record.customers.length]
      const patch = JSON.stringify({ customerName: `Patched ${n}`, endDate: endDateFor(n) })
      return note('patch', await send('PATCH', `/v1/customers/${id}`, { body: patch, headers: { 'content-type': 'application/merge-patch+json' } }))
    }
    const create = record.pendingCreates.shift() ?? { key: randomUUID(), body: customerBody(setup, { sites: [siteBody(), siteBody()] }) }
    const response = await send('POST', '/v1/customers', { json: create.body, headers: { 'idempotency-key': create.key } })
    note('create', response)
    if (!(response instanceof Error) && response.status === 201) record.customers.push(response.body.id)
    else record.pendingCreates.push(create)
  }

  const loops = Array.from({ length: clients }, async () => {
    while (running) await step(counter++)
  })
  return {
    record,
    /** Resolves once `count` more answers have come in. */
    answers(count: number): Promise<void> {
      return new Promise((resolve) => waiters.push({ target: record.answered + count, resolve }))
    },
    async stop(): Promise<LoadRecord> {
      running = false
      await Promise.all(loops)
      for (const waiter of waiters.splice(0)) waiter.resolve()
      return record
    },
  }
}

/** A 503 is only proper with Retry-After and the contract's body (docs/errors.md). */
function checkUnavailable(label: string, response: TestResponse, violations: string[]): void {
  const body = response.body ?? {}
  const problems = [
    response.headers.get('retry-after') === null && 'no Retry-After',
    body.code !== 'database_unavailable' && `code ${body.code}`,
    body.error !== STATUS_CODES[503] && 'error',
    body.requestId !== response.headers.get('x-request-id') && 'requestId',
    typeof body.timestamp !== 'string' && 'timestamp',
  ].filter(Boolean)
  if (problems.length > 0) violations.push(`${label}: improper 503 (${problems.join(', ')}): ${response.text.slice(0, 200)}`)
}
