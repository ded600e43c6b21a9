import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import type { TestServer } from '../helpers/server.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { loginAs } from '../helpers/users.ts'
import { customerWithInvoices, finalInvoices, startPaymentsServer } from './ledger-fixtures.ts'

const PAYMENTS = '/v1/customer-payments'
const BALANCES = '/v1/customer-balances'

describe('/v1/customer-payments and /v1/customer-balances', () => {
  let server: TestServer
  let token: string
  const balanceOf = async (customerId: number) => {
    const response = await server.request('GET', `${BALANCES}?customer_id=${customerId}`, { token })
    assert.equal(response.status, 200, response.text)
    return response.body
  }
  const statuses = async (ids: number[]) => Promise.all(ids.map(async (id) => (await server.request('GET', `/v1/invoices/${id}`, { token })).body.paymentStatus))

  before(async () => {
    server = await startPaymentsServer()
    token = await server.login()
  })
  after(() => server.close())

  it('pays off unpaid invoices oldest first; an overpayment becomes credit', async () => {
    const { billed, invoiceIds } = await customerWithInvoices(server, token, ['30.00', '50.00', '20.00'])
    assert.equal((await balanceOf(billed.customerId)).balance, -100)
    const first = await server.request('POST', PAYMENTS, { token, json: { customerId: billed.customerId, amountInMajorCurrency: 60, type: 'CHEQUE', reference: 'CHQ 7' } })
    assert.equal(first.status, 201, first.text)
    assert.equal(first.headers.get('location'), `${PAYMENTS}/${first.body.id}`)
    assert.equal(first.body.resultingCustomerBalance, -40)
    assert.equal(first.body.customerPaymentType, 'CUSTOMER')
    assert.equal(first.body.txnType, 'PAYMENT')
    assert.deepEqual(await statuses(invoiceIds), ['PAID', 'PARTIALLY_PAID', 'UNPAID'])
    const parts = await server.request('GET', `/v1/invoice-payments?page=1&pageSize=100&customerPaymentId=${first.body.id}&sort=invoiceId`, { token })
    assert.deepEqual(parts.body.map((p: { amountInMajorCurrency: number }) => p.amountInMajorCurrency), [30, 30])
    const second = await server.request('POST', PAYMENTS, { token, json: { customerId: billed.customerId, amountInMajorCurrency: 65.5 } })
    assert.equal(second.body.resultingCustomerBalance, 25.5)
    assert.deepEqual(await statuses(invoiceIds), ['PAID', 'PAID', 'PAID'])
    const balance = await balanceOf(billed.customerId)
    assert.deepEqual(balance, {
      id: billed.customerId,
      customerId: billed.customerId,
      balance: 25.5,
      totalPayments: 125.5,
      totalPaymentsSinceLastInvoice: 125.5,
      paymentMethodSummary: { summaryType: 'NONE' },
      repaymentPlanSummary: { repaymentPlanAmount: 0, repaymentPlanRemainingPeriods: 0, summaryType: 'NONE' },
    })
    const listed = await server.request('GET', `${PAYMENTS}?customer_id=${billed.customerId}&page=1&pageSize=100&customerPaymentType=CUSTOMER&sort=id`, { token })
    assert.deepEqual(listed.body.map((p: { id: number }) => p.id), [first.body.id, second.body.id])
    assert.deepEqual((await server.request('GET', `${PAYMENTS}/${first.body.id}`, { token })).body, first.body)
  })

  it('records manual adjustments with who made them, and refunds on the balance', async () => {
    const { billed, invoiceIds: [id] } = await customerWithInvoices(server, token, ['40.00'])
    const manager = await loginAs(server, ['Customer Manager'])
    const adjusted = await server.request('POST', BALANCES, { token: manager, json: { customerId: billed.customerId, amountInMajorCurrency: -10.25, description: 'Late fee' } })
    assert.equal(adjusted.status, 201, adjusted.text)
    assert.match(adjusted.body.createdBy, /^user-/)
    assert.equal(adjusted.body.resultingCustomerBalance, -50.25)
    assert.equal(adjusted.headers.get('location'), `${PAYMENTS}/${adjusted.body.id}`)
    const row = await server.request('GET', `${PAYMENTS}/${adjusted.body.id}`, { token })
    assert.equal(row.body.txnType, 'ADJUSTMENT')
    assert.equal(row.body.createdBy, adjusted.body.createdBy)
    const paid = await server.request('POST', '/v1/invoice-payments', { token, json: { invoiceId: id, amountInMajorCurrency: 40, paymentMethod: 'DIRECT_DEBIT' } })
    const refund = await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paid.body.id, amountInMajorCurrency: 15, description: 'Goodwill' } })
    assert.equal(refund.status, 201, refund.text)
    assert.deepEqual({ ...refund.body, id: 0 }, {
      id: 0,
      invoicePaymentId: paid.body.id,
      invoiceId: id,
      customerId: billed.customerId,
      billRunType: 'NORMAL',
      amountInMajorCurrency: 15,
      description: 'Goodwill',
      paymentMethod: 'DIRECT_DEBIT',
      thirdPartyRefundStatus: 'CREATED',
      createdDate: '2027-01-15T10:00:00.000Z',
    })
    // −40 − 10.25 (adjustment) + 40 (paid) − 15 (refunded).
    assert.equal((await balanceOf(billed.customerId)).balance, -25.25)
    const over = await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paid.body.id, amountInMajorCurrency: 25.01 } })
    assertError(over, 409, 'amount_exceeds_refundable')
    assert.match(over.body.message, /25\.00 left to refund/)
    const rest = await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paid.body.id, paymentMethod: 'CHEQUE' } })
    assert.equal(rest.body.amountInMajorCurrency, 25)
    assert.equal(rest.body.thirdPartyRefundStatus, 'MANUALLY_REFUNDED')
    assertError(await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paid.body.id, amountInMajorCurrency: 0.01 } }), 409, 'amount_exceeds_refundable')
    const refunds = await server.request('GET', `/v1/refunds?page=1&pageSize=100&invoiceId=${id}&billRunType=NORMAL`, { token })
    assert.equal(refunds.body.length, 2)
  })

  it('refuses what is wrong with 400, 404 and 403', async () => {
    const { billed } = await customerWithInvoices(server, token, [])
    const missing = await server.request('GET', `${PAYMENTS}?page=1&pageSize=10`, { token })
    assertError(missing, 400, 'invalid_query')
    assertError(await server.request('GET', `${BALANCES}`, { token }), 400, 'invalid_query')
    assertError(await server.request('GET', `${BALANCES}?customer_id=999999`, { token }), 404, 'not_found')
    const invalid = await server.request('POST', PAYMENTS, { token, json: { amountInMajorCurrency: 0, type: 'GOLD' } })
    assertFieldErrors(invalid, ['customerId:required', 'type:invalid_value'])
    assertFieldErrors(await server.request('POST', PAYMENTS, { token, json: { customerId: billed.customerId, amountInMajorCurrency: 0 } }), ['amountInMajorCurrency:out_of_range'])
    assertError(await server.request('POST', PAYMENTS, { token, json: { customerId: 999999, amountInMajorCurrency: 5 } }), 400, 'invalid_reference')
    const adjustment = await server.request('POST', BALANCES, { token, json: { customerId: billed.customerId, amountInMajorCurrency: 100000.01 } })
    assertFieldErrors(adjustment, ['amountInMajorCurrency:out_of_range'])
    const refund = await server.request('POST', '/v1/refunds', { token, json: { amountInMajorCurrency: 5 } })
    assertFieldErrors(refund, ['invoicePaymentId:one_of', 'adhocInvoicePaymentId:one_of'])
    assertError(await server.request('POST', '/v1/refunds', { token, json: { adhocInvoicePaymentId: 999999 } }), 400, 'invalid_reference')
    const readOnly = await loginAs(server, ['Read Only'])
    assertError(await server.request('POST', BALANCES, { token: readOnly, json: { customerId: billed.customerId, amountInMajorCurrency: 1 } }), 403, 'insufficient_permission')
    const { billed: other } = await customerWithInvoices(server, token, [])
    const restricted = await loginAs(server, ['Customer Manager'], other.setup.contractOwnerId)
    assertError(await server.request('GET', `${BALANCES}?customer_id=${billed.customerId}`, { token: restricted }), 404, 'not_found')
    assertError(await server.request('DELETE', BALANCES, { token }), 405, 'method_not_allowed')
  })

  it('filters the customer payments by text, and leaves out debits or credits on request', async () => {
    const { billed, invoiceIds: [id] } = await customerWithInvoices(server, token, ['40.00'])
    const customerId = billed.customerId
    const cheque = await server.request('POST', PAYMENTS, { token, json: { customerId, amountInMajorCurrency: 25, type: 'CHEQUE', reference: 'CHQ 100231', description: 'First instalment' } })
    const fee = await server.request('POST', BALANCES, { token, json: { customerId, amountInMajorCurrency: -5, description: 'Late fee for cheque' } })
    const zero = await server.request('POST', PAYMENTS, { token, json: { customerId, amountInMajorCurrency: 15, description: 'Second instalment' } })
    const refund = await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: (await server.request('GET', `/v1/invoice-payments?page=1&pageSize=1&invoiceId=${id}`, { token })).body[0].id, amountInMajorCurrency: 1 } })
    assert.deepEqual([cheque.status, fee.status, zero.status, refund.status], [201, 201, 201, 201])
    const ids = async (query: string) => {
      const response = await server.request('GET', `${PAYMENTS}?customer_id=${customerId}&page=1&pageSize=100&sort=id&${query}`, { token })
      assert.equal(response.status, 200, response.text)
      return response.body.map((p: { id: number }) => p.id)
    }
    const refundRow = (await ids('txnType=REFUND'))[0]
    assert.deepEqual(await ids('excludeDebits=true'), [cheque.body.id, zero.body.id])
    assert.deepEqual(await ids('excludeCredits=true'), [fee.body.id, refundRow])
    assert.deepEqual(await ids('excludeDebits=false'), await ids(''))
    assert.deepEqual(await ids('excludeDebits=true&excludeCredits=true'), [])
    assert.deepEqual(await ids(`filter=${encodeURIComponent('like:cheque')}`), [fee.body.id], 'the description')
    assert.deepEqual(await ids(`filter=${encodeURIComponent('like:chq 1002')}`), [cheque.body.id], 'the reference')
    assert.deepEqual(await ids(`filter=${encodeURIComponent('like:instalment')}&excludeDebits=true`), [cheque.body.id, zero.body.id])
    assert.deepEqual(await ids(`filter=${encodeURIComponent('CHQ 100231')}`), [cheque.body.id], 'an exact reference')
    const bad = await server.request('GET', `${PAYMENTS}?customer_id=${customerId}&page=1&pageSize=10&excludeDebits=yes&excludeCredits=1`, { token })
    assertFieldErrors(bad, ['excludeDebits:invalid_filter', 'excludeCredits:invalid_filter'])
  })

  it('refunds adhoc invoice payments by their own id', async () => {
    const { billed } = await customerWithInvoices(server, token, [])
    const [adhocId] = await finalInvoices(server, billed, ['9.99'], 'ADHOC')
    const paid = await server.request('POST', '/v1/adhoc-invoice-payments', { token, json: { invoiceId: adhocId, amountInMajorCurrency: 9.99 } })
    assertError(await server.request('POST', '/v1/refunds', { token, json: { invoicePaymentId: paid.body.id } }), 400, 'invalid_reference')
    const refund = await server.request('POST', '/v1/refunds', { token, json: { adhocInvoicePaymentId: paid.body.id } })
    assert.equal(refund.status, 201, refund.text)
    assert.equal(refund.body.adhocInvoicePaymentId, paid.body.id)
    assert.equal(refund.body.invoicePaymentId, undefined)
    assert.equal(refund.body.billRunType, 'ADHOC')
  })

  it('docs/modules/payments.md runs as written: paid in two parts, part refunded, the balance and credit status read', async () => {
    await customerWithInvoices(server, token, ['100.00'])
    const stdout = await runDocExamples(server.url, ['payments.md'])
    const lines = stdout.trim().split('\n')
    assert.match(stdout, /^idempotent-replayed: true/im)
    assert.match(stdout, /owes 60\.00.*"code":"amount_exceeds_owed"/)
    assert.deepEqual([lines[3], lines[5]], ['60', 'REFUND_PENDING'], stdout)
    assert.equal(lines[7], '-15', stdout)
    assert.match(lines[10]!, /^\[\{"amountInMajorCurrency":40,"resultingCustomerBalance":-60,"txnType":"PAYMENT"\}/, stdout)
    assert.deepEqual(lines.slice(-5, -3), ['10', '409'], stdout)
    assert.equal(lines.at(-3), '[{"amountInMajorCurrency":-15,"txnType":"REFUND"}]', stdout)
    assert.match(lines.at(-2)!, /^\{"customerId":\d+,"creditThreshold":50,"billAmount":-10,"valueDifference":60,"percentageDifference":-20,"openBillRunValue":0\}$/, stdout)
    assert.match(lines.at(-1)!, /^\[\{"customerId":\d+,"billAmount":-10,"percentageDifference":-20\}\]$/, stdout)
  })
})
