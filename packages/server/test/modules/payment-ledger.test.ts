import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import type { TestResponse } from '../helpers/http.ts'
import type { TestServer } from '../helpers/server.ts'
import { customerWithInvoices, startPaymentsServer } from './ledger-fixtures.ts'

/** Money in whole pence: the test's own arithmetic is exact. */
const pence = (major: number) => Math.round(major * 100)
const major = (p: number) => p / 100
const RUNS = Number(process.env.ELEVATE_PROPERTY_RUNS ?? 8)

type Op =
  | { kind: 'pay' | 'writeOff' | 'dispute' | 'undispute' | 'settleRefund'; invoice: number; amount: number }
  | { kind: 'customerPay' | 'adjust'; amount: number }
  | { kind: 'refund'; payment: number; amount: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('pay', 'writeOff', 'dispute', 'undispute', 'settleRefund' as const), invoice: fc.nat(2), amount: fc.integer({ min: 1, max: 6000 }) }),
  fc.record({ kind: fc.constantFrom('customerPay', 'adjust' as const), amount: fc.integer({ min: -3000, max: 6000 }) }),
  fc.record({ kind: fc.constant('refund' as const), payment: fc.nat(9), amount: fc.integer({ min: 1, max: 6000 }) }),
)

describe('the money ledger under concurrency and random sequences', () => {
  let server: TestServer
  let token: string
  const post = (path: string, json: unknown) => server.request('POST', path, { token, json })
  const balance = async (customerId: number) => pence((await server.request('GET', `/v1/customer-balances?customer_id=${customerId}`, { token })).body.balance)

  before(async () => {
    server = await startPaymentsServer()
    token = await server.login()
  })
  after(() => server.close())

  it('50 parallel payments on one invoice: exactly what it owed is taken, the rest refused with 409', async () => {
    const { billed, invoiceIds: [id] } = await customerWithInvoices(server, token, ['30.00'])
    const answers = await Promise.all(Array.from({ length: 50 }, () => post('/v1/invoice-payments', { invoiceId: id, amountInMajorCurrency: 1 })))
    const statuses = answers.map((a) => a.status)
    assert.equal(statuses.filter((s) => s === 201).length, 30, statuses.join(','))
    assert.equal(statuses.filter((s) => s === 409).length, 20, statuses.join(','))
    const listed = await server.request('GET', `/v1/invoice-payments?page=1&pageSize=100&invoiceId=${id}`, { token })
    assert.equal(listed.body.reduce((sum: number, p: { amountInMajorCurrency: number }) => sum + pence(p.amountInMajorCurrency), 0), 3000)
    assert.equal((await server.request('GET', `/v1/invoices/${id}`, { token })).body.paymentStatus, 'PAID')
    assert.equal(await balance(billed.customerId), 0)
  })

  it('two concurrent £10 payments against the last £10 owed: one succeeds, the other 409', async () => {
    const { billed, invoiceIds: [id] } = await customerWithInvoices(server, token, ['25.00'])
    assert.equal((await post('/v1/invoice-payments', { invoiceId: id, amountInMajorCurrency: 15 })).status, 201)
    const answers = await Promise.all([post('/v1/invoice-payments', { invoiceId: id, amountInMajorCurrency: 10 }), post('/v1/invoice-payments', { invoiceId: id, amountInMajorCurrency: 10 })])
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409], answers.map((a) => a.text).join('\n'))
    const refused = answers.find((a) => a.status === 409)!
    assert.ok(['amount_exceeds_owed', 'invalid_transition'].includes(refused.body.code), refused.text)
    assert.equal(await balance(billed.customerId), 0)
  })

  it('any sequence of payments, refunds, write-offs and disputes: balance = −(invoices − payments + refunds − write-offs) + adjustments, never a 5xx', async () => {
    const grosses = [2500, 4000, 1234]
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const { billed, invoiceIds } = await customerWithInvoices(server, token, grosses.map((g) => major(g).toFixed(2)))
        let expected = -grosses.reduce((a, b) => a + b, 0)
        const writtenOff = new Map<number, number>()
        const payments: number[] = []
        const check = (response: TestResponse) => {
          assert.ok(response.status < 500, `${response.status}: ${response.text}`)
          return response.status === 201 ? response.body : undefined
        }
        const event = (invoice: number, paymentStatus: string, amount?: number) =>
          post('/v1/invoice-payment-events', { invoiceId: invoiceIds[invoice], billRunType: 'NORMAL', paymentStatus, ...(amount === undefined ? {} : { amountInMajorCurrency: major(amount) }) })
        for (const step of ops) {
          if (step.kind === 'pay') {
            const paid = check(await post('/v1/invoice-payments', { invoiceId: invoiceIds[step.invoice], amountInMajorCurrency: major(step.amount) }))
            if (paid !== undefined) (expected += step.amount), payments.push(paid.id)
          } else if (step.kind === 'customerPay') {
            if (check(await post('/v1/customer-payments', { customerId: billed.customerId, amountInMajorCurrency: major(Math.abs(step.amount) || 1) })) !== undefined) expected += Math.abs(step.amount) || 1
          } else if (step.kind === 'adjust') {
            if (check(await post('/v1/customer-balances', { customerId: billed.customerId, amountInMajorCurrency: major(step.amount) })) !== undefined) expected += step.amount
          } else if (step.kind === 'refund') {
            const paymentId = payments[step.payment % Math.max(payments.length, 1)]
            if (paymentId === undefined) continue
            const refunded = check(await post('/v1/refunds', { invoicePaymentId: paymentId, amountInMajorCurrency: major(step.amount) }))
            if (refunded !== undefined) expected -= step.amount
          } else if (step.kind === 'writeOff') {
            const done = check(await event(step.invoice, 'WRITTEN_OFF'))
            if (done !== undefined) (expected += pence(done.amountInMajorCurrency)), writtenOff.set(step.invoice, pence(done.amountInMajorCurrency))
          } else if (step.kind === 'undispute') {
            // UNPAID undoes a write-off (or a dispute, which moved no money).
            if (check(await event(step.invoice, 'UNPAID')) !== undefined) (expected -= writtenOff.get(step.invoice) ?? 0), writtenOff.delete(step.invoice)
          } else if (step.kind === 'dispute' || step.kind === 'settleRefund') {
            const status = step.kind === 'dispute' ? 'DISPUTED' : step.amount % 2 === 0 ? 'REFUNDED' : 'PART_REFUNDED'
            check(await event(step.invoice, status))
          }
        }
        assert.equal(await balance(billed.customerId), expected)
      }),
      { numRuns: RUNS },
    )
  })
})
