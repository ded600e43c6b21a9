import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import type { TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { billRun, writeInvoices } from './invoice-fixtures.ts'
import { customerWithInvoices, finalInvoices, startPaymentsServer, type Billed } from './ledger-fixtures.ts'

const PAYMENTS = '/v1/invoice-payments'
const ADHOC = '/v1/adhoc-invoice-payments'

describe('/v1/invoice-payments and /v1/adhoc-invoice-payments', () => {
  let server: TestServer
  let token: string
  let billed: Billed
  let invoiceId: number
  const pay = (json: unknown, path = PAYMENTS, headers: Record<string, string> = {}) => server.request('POST', path, { token, json, headers })
  const invoice = async (id: number) => (await server.request('GET', `/v1/invoices/${id}`, { token })).body

  before(async () => {
    server = await startPaymentsServer()
    token = await server.login()
    const made = await customerWithInvoices(server, token, ['100.00'])
    billed = made.billed
    invoiceId = made.invoiceIds[0]!
  })
  after(() => server.close())

  it('pays an invoice in two parts: PARTIALLY_PAID, then PAID, with every field answered', async () => {
    const first = await pay({ invoiceId, amountInMajorCurrency: 40.1, paymentMethod: 'CHEQUE', reference: 'CHQ 100231', description: 'First part' })
    assert.equal(first.status, 201, first.text)
    assert.equal(first.headers.get('location'), `${PAYMENTS}/${first.body.id}`)
    const { id, customerPaymentId, billRunId, ...payment } = first.body
    assert.ok(Number.isInteger(id) && Number.isInteger(customerPaymentId) && Number.isInteger(billRunId))
    assert.deepEqual(payment, {
      invoiceId,
      customerId: billed.customerId,
      amountInMajorCurrency: 40.1,
      refundedAmountInMajorCurrency: 0,
      paymentMethod: 'CHEQUE',
      paymentDate: '2027-01-15',
      reference: 'CHQ 100231',
      description: 'First part',
      createdDate: '2027-01-15T10:00:00.000Z',
    })
    assert.equal((await invoice(invoiceId)).paymentStatus, 'PARTIALLY_PAID')
    const second = await pay({ invoiceId, amountInMajorCurrency: 59.9, paymentDate: '2027-01-10' })
    assert.equal(second.status, 201, second.text)
    assert.equal(second.body.paymentDate, '2027-01-10')
    const paid = await invoice(invoiceId)
    assert.equal(paid.paymentStatus, 'PAID')
    assert.equal(paid.paymentStatusUpdatedTime, '2027-01-15T10:00:00.000Z')
    const got = await server.request('GET', `${PAYMENTS}/${id}`, { token })
    assert.equal(got.status, 200, got.text)
    assert.deepEqual(got.body, first.body)
  })

  it('refuses a payment of more than is owed with 409 naming the amount owed', async () => {
    const { invoiceIds: [id] } = await customerWithInvoices(server, token, ['25.00'])
    assert.equal((await pay({ invoiceId: id, amountInMajorCurrency: 15 })).status, 201)
    const response = await pay({ invoiceId: id, amountInMajorCurrency: 10.01 })
    assertError(response, 409, 'amount_exceeds_owed', PAYMENTS)
    assert.match(response.body.message, /owes 10\.00/)
    const paidOff = await pay({ invoiceId: id, amountInMajorCurrency: 10 })
    assert.equal(paidOff.status, 201)
    const again = await pay({ invoiceId: id, amountInMajorCurrency: 0.01 })
    assertError(again, 409, 'invalid_transition', PAYMENTS)
    assert.match(again.body.message, /is PAID/)
  })

  it('reports every invalid field at once (400)', async () => {
    const response = await pay({ amountInMajorCurrency: 10.001, paymentMethod: 'BITCOIN', paymentDate: '15/01/2027', colour: 'red' })
    assertError(response, 400, 'validation_failed', PAYMENTS)
    assertFieldErrors(response, ['invoiceId:required', 'amountInMajorCurrency:invalid_value', 'paymentMethod:invalid_value', 'paymentDate:invalid_format', 'colour:unknown_field'])
  })

  it('answers 400 for an invoice that does not exist, or of the other kind, and 409 for a draft', async () => {
    assertError(await pay({ invoiceId: 999999, amountInMajorCurrency: 1 }), 400, 'invalid_reference')
    const [adhocId] = await finalInvoices(server, billed, ['30.00'], 'ADHOC')
    const wrongKind = await pay({ invoiceId: adhocId, amountInMajorCurrency: 1 })
    assertError(wrongKind, 400, 'invalid_reference')
    assertFieldErrors(wrongKind, ['invoiceId:invalid_reference'])
    const [draftId] = await writeInvoices(server, billRun(), [{ contractOwnerId: billed.setup.contractOwnerId, customerId: billed.customerId, siteId: billed.headOfficeId, currencyCode: 'GBP', invoiceDate: '2027-01-01', lines: [{ siteId: billed.headOfficeId, description: 'x', quantity: 1, unitPrice: '5', taxRate: '0' }] }], false)
    const draft = await pay({ invoiceId: draftId, amountInMajorCurrency: 1 })
    assertError(draft, 409, 'invalid_transition')
    assert.match(draft.body.message, /draft/)
  })

  it('pays adhoc invoices on their own path, and lists each kind apart', async () => {
    const [adhocId] = await finalInvoices(server, billed, ['12.50'], 'ADHOC')
    const response = await pay({ invoiceId: adhocId, amountInMajorCurrency: 12.5 }, ADHOC)
    assert.equal(response.status, 201, response.text)
    assert.equal(response.headers.get('location'), `${ADHOC}/${response.body.id}`)
    assert.equal((await invoice(adhocId!)).paymentStatus, 'PAID')
    assertError(await pay({ invoiceId, amountInMajorCurrency: 1 }, ADHOC), 400, 'invalid_reference')
    const adhoc = await server.request('GET', `${ADHOC}?page=1&pageSize=100&invoiceId=${adhocId}`, { token })
    assert.deepEqual(adhoc.body.map((p: { id: number }) => p.id), [response.body.id])
    const normal = await server.request('GET', `${PAYMENTS}?page=1&pageSize=100&invoiceId=${adhocId}`, { token })
    assert.deepEqual(normal.body, [])
    assertError(await server.request('GET', `${PAYMENTS}/${response.body.id}`, { token }), 404, 'not_found')
  })

  it('records a payment posted twice with one Idempotency-Key once', async () => {
    const { invoiceIds: [id] } = await customerWithInvoices(server, token, ['50.00'])
    const headers = { 'idempotency-key': `pay-${id}` }
    const first = await pay({ invoiceId: id, amountInMajorCurrency: 20 }, PAYMENTS, headers)
    const second = await pay({ invoiceId: id, amountInMajorCurrency: 20 }, PAYMENTS, headers)
    assert.equal(first.status, 201)
    assert.equal(second.status, 201)
    assert.equal(second.headers.get('idempotent-replayed'), 'true')
    assert.equal(second.body.id, first.body.id)
    const listed = await server.request('GET', `${PAYMENTS}?page=1&pageSize=100&invoiceId=${id}`, { token })
    assert.equal(listed.body.length, 1)
    const third = await pay({ invoiceId: id, amountInMajorCurrency: 30 }, PAYMENTS, { 'idempotency-key': `pay-${id}-2` })
    assert.equal(third.status, 201, third.text)
    assert.equal((await invoice(id!)).paymentStatus, 'PAID')
  })

  it('answers 401, 403, 404, 405 and 415 as the contract says', async () => {
    assertError(await server.request('GET', `${PAYMENTS}?page=1&pageSize=10`), 401, 'authentication_required')
    const readOnly = await loginAs(server, ['Read Only'])
    assert.equal((await server.request('GET', `${PAYMENTS}?page=1&pageSize=10`, { token: readOnly })).status, 200)
    assertError(await server.request('POST', PAYMENTS, { token: readOnly, json: { invoiceId, amountInMajorCurrency: 1 } }), 403, 'insufficient_permission')
    assertError(await server.request('GET', `${PAYMENTS}/999999`, { token }), 404, 'not_found')
    const deleted = await server.request('DELETE', `${PAYMENTS}/1`, { token })
    assertError(deleted, 405, 'method_not_allowed')
    assertError(await server.request('POST', PAYMENTS, { token, body: 'invoiceId=1', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type')
    const other = await otherBrandAdmin(server)
    assertError(await server.request('POST', PAYMENTS, { token: other, json: { invoiceId, amountInMajorCurrency: 1 } }), 400, 'invalid_reference')
  })

  it('confines a user restricted to another contract owner', async () => {
    const { billed: others, invoiceIds: [id] } = await customerWithInvoices(server, token, ['10.00'])
    assert.equal((await pay({ invoiceId: id, amountInMajorCurrency: 1 })).status, 201)
    const restricted = await loginAs(server, ['Customer Manager'], billed.setup.contractOwnerId)
    assertError(await server.request('POST', PAYMENTS, { token: restricted, json: { invoiceId: id, amountInMajorCurrency: 1 } }), 400, 'invalid_reference')
    const listed = await server.request('GET', `${PAYMENTS}?page=1&pageSize=100&customerId=${others.customerId}`, { token: restricted })
    assert.deepEqual(listed.body, [])
  })
})
