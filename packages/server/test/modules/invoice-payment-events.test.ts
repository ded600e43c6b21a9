import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { EVENT_MOVES, type PaymentStatus } from '../../src/modules/payments/ledger.rules.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import type { TestServer } from '../helpers/server.ts'
import { customerWithInvoices, finalInvoices, startPaymentsServer, type Billed } from './ledger-fixtures.ts'

const EVENTS = '/v1/invoice-payment-events'
const STATUSES = Object.keys(EVENT_MOVES) as PaymentStatus[]

describe('/v1/invoice-payment-events', () => {
  let server: TestServer
  let token: string
  let billed: Billed
  const event = (json: Record<string, unknown>) => server.request('POST', EVENTS, { token, json: { billRunType: 'NORMAL', ...json } })
  const expect201 = async (response: Promise<{ status: number; text: string; body: any }>) => {
    const answer = await response
    assert.equal(answer.status, 201, answer.text)
    return answer.body
  }
  const status = async (id: number) => (await server.request('GET', `/v1/invoices/${id}`, { token })).body.paymentStatus

  /** A £100 invoice brought to `target` through the API. */
  async function invoiceIn(target: PaymentStatus): Promise<number> {
    const [id] = await finalInvoices(server, billed, ['100.00'])
    const payment = async () => expect201(server.request('POST', '/v1/invoice-payments', { token, json: { invoiceId: id, amountInMajorCurrency: 100 } }))
    const refund = async (paymentId: number, amount: number) => expect201(server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paymentId, amountInMajorCurrency: amount } }))
    if (target === 'PARTIALLY_PAID') await expect201(event({ invoiceId: id, paymentStatus: 'PARTIALLY_PAID', amountInMajorCurrency: 30 }))
    if (target === 'PAID') await payment()
    if (target === 'DISPUTED' || target === 'WRITTEN_OFF') await expect201(event({ invoiceId: id, paymentStatus: target }))
    if (target === 'REFUND_PENDING' || target === 'PART_REFUNDED') await refund((await payment()).id, 40)
    if (target === 'REFUNDED') await refund((await payment()).id, 100)
    if (target === 'REFUNDED' || target === 'PART_REFUNDED') await expect201(event({ invoiceId: id, paymentStatus: target }))
    assert.equal(await status(id!), target)
    return id!
  }

  before(async () => {
    server = await startPaymentsServer()
    token = await server.login()
    ;({ billed } = await customerWithInvoices(server, token, []))
  })
  after(() => server.close())

  for (const from of STATUSES.filter((s) => s !== 'NA' && s !== 'PENDING')) {
    it(`refuses every move EVENT_MOVES does not allow from ${from} with 409 naming it`, async () => {
      const id = await invoiceIn(from)
      for (const to of STATUSES.filter((s) => !EVENT_MOVES[from].includes(s))) {
        const response = await event({ invoiceId: id, paymentStatus: to, ...(to === 'PARTIALLY_PAID' ? { amountInMajorCurrency: 1 } : {}) })
        assertError(response, 409, 'invalid_transition', EVENTS)
        assert.match(response.body.message, new RegExp(`Invoice ${id} is ${from}: it cannot move to ${to}`))
      }
      assert.equal(await status(id), from)
    })
  }

  it('pays, disputes, undisputes, writes off and un-writes off, recording each with the money it moved', async () => {
    const [id] = await finalInvoices(server, billed, ['80.00'])
    const part = await expect201(event({ invoiceId: id, paymentStatus: 'PARTIALLY_PAID', amountInMajorCurrency: 30, notes: 'Phoned in' }))
    assert.deepEqual({ ...part, id: 0 }, { id: 0, invoiceId: id, customerId: billed.customerId, billRunType: 'NORMAL', paymentStatus: 'PARTIALLY_PAID', notes: 'Phoned in', amountInMajorCurrency: 30, createdBy: 'admin', createdDate: '2027-01-15T10:00:00.000Z' })
    assert.equal((await expect201(event({ invoiceId: id, paymentStatus: 'DISPUTED' }))).amountInMajorCurrency, 0)
    assertError(await server.request('POST', '/v1/invoice-payments', { token, json: { invoiceId: id, amountInMajorCurrency: 1 } }), 409, 'invalid_transition')
    // Undisputing leaves the invoice as its payments make it.
    assert.equal((await expect201(event({ invoiceId: id, paymentStatus: 'UNPAID' }))).paymentStatus, 'PARTIALLY_PAID')
    const writtenOff = await expect201(event({ invoiceId: id, paymentStatus: 'WRITTEN_OFF' }))
    assert.equal(writtenOff.amountInMajorCurrency, 50)
    assert.equal((await expect201(event({ invoiceId: id, paymentStatus: 'UNPAID' }))).paymentStatus, 'PARTIALLY_PAID')
    assert.equal((await expect201(event({ invoiceId: id, paymentStatus: 'PAID' }))).amountInMajorCurrency, 50)
    const history = await server.request('GET', `${EVENTS}?page=1&pageSize=100&invoiceId=${id}&sort=id`, { token })
    assert.deepEqual(history.body.map((e: { paymentStatus: string }) => e.paymentStatus), ['PARTIALLY_PAID', 'DISPUTED', 'PARTIALLY_PAID', 'WRITTEN_OFF', 'PARTIALLY_PAID', 'PAID'])
    const filtered = await server.request('GET', `${EVENTS}?page=1&pageSize=100&customerId=${billed.customerId}&billRunType=ADHOC`, { token })
    assert.deepEqual(filtered.body, [])
  })

  it('refuses amounts that do not fit the status asked for', async () => {
    const [id] = await finalInvoices(server, billed, ['20.00'])
    const over = await event({ invoiceId: id, paymentStatus: 'PARTIALLY_PAID', amountInMajorCurrency: 20.01 })
    assertError(over, 409, 'amount_exceeds_owed')
    assert.match(over.body.message, /owes 20\.00/)
    assertError(await event({ invoiceId: id, paymentStatus: 'PAID', amountInMajorCurrency: 25 }), 409, 'amount_exceeds_owed')
    assertError(await event({ invoiceId: id, paymentStatus: 'PAID', amountInMajorCurrency: 19 }), 409, 'amount_mismatch')
    assertError(await event({ invoiceId: id, paymentStatus: 'WRITTEN_OFF', amountInMajorCurrency: 5 }), 409, 'amount_mismatch')
    assertError(await event({ invoiceId: id, paymentStatus: 'PARTIALLY_PAID', amountInMajorCurrency: 20 }), 409, 'amount_mismatch')
    const missing = await event({ invoiceId: id, paymentStatus: 'PARTIALLY_PAID' })
    assertError(missing, 400, 'validation_failed')
    assertFieldErrors(missing, ['amountInMajorCurrency:required'])
    assertError(await event({ invoiceId: id, paymentStatus: 'DISPUTED', amountInMajorCurrency: 3 }), 400, 'validation_failed')
    const refundPending = await invoiceIn('REFUND_PENDING')
    assertError(await event({ invoiceId: refundPending, paymentStatus: 'REFUNDED' }), 409, 'amount_mismatch')
    assert.equal(await status(id!), 'UNPAID')
  })

  it('reports every invalid field at once, and unknown or mismatched invoices (400)', async () => {
    const response = await server.request('POST', EVENTS, { token, json: { paymentStatus: 'LOST', billRunType: 'WEEKLY', notes: '', amountInMajorCurrency: -1 } })
    assertError(response, 400, 'validation_failed', EVENTS)
    assertFieldErrors(response, ['invoiceId:required', 'paymentStatus:invalid_value', 'billRunType:invalid_value', 'notes:too_short', 'amountInMajorCurrency:out_of_range'])
    assertError(await event({ invoiceId: 999999, paymentStatus: 'DISPUTED' }), 400, 'invalid_reference')
    const [id] = await finalInvoices(server, billed, ['5.00'])
    const wrongType = await event({ invoiceId: id, paymentStatus: 'DISPUTED', billRunType: 'ADHOC' })
    assertFieldErrors(wrongType, ['billRunType:invalid_reference'])
    const [free] = await finalInvoices(server, billed, ['0'])
    const na = await event({ invoiceId: free, paymentStatus: 'DISPUTED' })
    assertError(na, 409, 'invalid_transition')
    assert.match(na.body.message, /is NA/)
    assertError(await server.request('DELETE', EVENTS, { token }), 405, 'method_not_allowed')
    assertError(await server.request('GET', `${EVENTS}?page=1`, { token }), 400, 'invalid_query')
  })
})
