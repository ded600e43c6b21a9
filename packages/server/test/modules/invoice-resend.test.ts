import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId, loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { billRun, createBilledCustomer, monthlyInvoice, writeInvoices, type Billed } from './invoice-fixtures.ts'

const EMAIL_STATUS = '/v1/email-status'
const SINCE = 'createdDateTime=gt:2000-01-01T00:00:00Z'
const statuses = (query: string) => `${EMAIL_STATUS}?page=1&pageSize=100&${query}`

describe('POST /v1/invoices/{invoiceId}/resend and GET /v1/email-status', () => {
  let server: TestServer
  let token: string
  let billed: Billed
  let finalId: number
  let draftId: number
  let run: number

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    billed = await createBilledCustomer(server, token)
    const normal = billRun()
    run = normal.id
    finalId = (await writeInvoices(server, normal, [monthlyInvoice(billed)]))[0]!
    draftId = (await writeInvoices(server, billRun(), [monthlyInvoice(billed)], false))[0]!
  })
  after(() => server.close())

  it('emails a final invoice again to each contact of the receiving site, and lists each email', async () => {
    const response = await server.request('POST', `/v1/invoices/${finalId}/resend`, { token })
    assert.equal(response.status, 200, response.text)
    assert.deepEqual(response.body.map((email: { recipientEmail: string }) => email.recipientEmail), ['accounts@acme.example', 'bob@acme.example'])
    const listed = await server.request('GET', statuses(`${SINCE}&billRunId=${run}&sort=id`), { token })
    assert.equal(listed.status, 200, listed.text)
    assert.deepEqual(
      listed.body.map(({ createdDateTime, updatedDateTime, ...email }: { createdDateTime: string; updatedDateTime: string }) => {
        assert.equal(createdDateTime, updatedDateTime)
        return email
      }),
      response.body.map((email: { id: number; recipientEmail: string }) => ({ ...email, status: 'SENT', message: listed.body[0].message, billRunType: 'NORMAL', billRunId: run })),
    )
    assert.match(listed.body[0].message, /^Invoice \d+ sent again$/)
  })

  it('filters the list as published: createdDateTime required, status, billRunType, bounceType (BOUNCED only)', async () => {
    await server.request('POST', `/v1/invoices/${finalId}/resend`, { token })
    const count = async (query: string) => {
      const response = await server.request('GET', statuses(query), { token })
      assert.equal(response.status, 200, response.text)
      return response.body.length as number
    }
    const all = await count(SINCE)
    assert.ok(all >= 2)
    assert.equal(await count(`${SINCE}&status=SENT&billRunType=NORMAL`), all)
    assert.equal(await count(`${SINCE}&status=BOUNCED`), 0)
    assert.equal(await count('createdDateTime=lt:2000-01-01T00:00:00Z'), 0)
    // A bounce type only ever matches bounced emails, whatever the row says.
    const brand = await brandId(server)
    await server.db.withTenant(brand, (trx) => trx.updateTable('email_notifications').set({ bounce_type: 'PERMANENT' }).where('status', '=', 'SENT').execute())
    assert.equal(await count(`${SINCE}&bounceType=PERMANENT`), 0)
    await server.db.withTenant(brand, (trx) => trx.updateTable('email_notifications').set({ status: 'BOUNCED' }).where('id', '=', (eb) => eb.selectFrom('email_notifications').select((e) => e.fn.min('id').as('id'))).execute())
    assert.equal(await count(`${SINCE}&bounceType=PERMANENT`), 1)
    const missing = await server.request('GET', `${EMAIL_STATUS}?page=1&pageSize=10&status=SENDING`, { token })
    assertError(missing, 400, 'invalid_query')
    assertFieldErrors(missing, ['createdDateTime:required', 'status:invalid_value'])
  })

  it('refuses to email a draft (409), an invoice it cannot see (404), and users without invoices:write (403)', async () => {
    const draft = await server.request('POST', `/v1/invoices/${draftId}/resend`, { token })
    assertError(draft, 409, 'invalid_transition')
    assert.match(draft.body.message, /draft/)
    assertError(await server.request('POST', '/v1/invoices/999999999/resend', { token }), 404, 'not_found')
    assertError(await server.request('POST', `/v1/invoices/${finalId}/resend`, { token: await otherBrandAdmin(server) }), 404, 'not_found')
    assertError(await server.request('POST', `/v1/invoices/${finalId}/resend`, { token: await loginAs(server, ['Read Only']) }), 403, 'insufficient_permission')
    assertError(await server.request('POST', `/v1/invoices/${finalId}/resend`), 401, 'authentication_required')
    assertError(await server.request('GET', `/v1/invoices/${finalId}/resend`, { token }), 405, 'method_not_allowed')
  })

  it('keeps the email list to the brand and the user’s contract owner', async () => {
    assert.deepEqual((await server.request('GET', statuses(SINCE), { token: await otherBrandAdmin(server) })).body, [])
    const elsewhere = await createBilledCustomer(server, token)
    assert.deepEqual((await server.request('GET', statuses(SINCE), { token: await loginAs(server, ['Read Only'], elsewhere.setup.contractOwnerId) })).body, [])
    const own = await server.request('GET', statuses(SINCE), { token: await loginAs(server, ['Read Only'], billed.setup.contractOwnerId) })
    assert.ok(own.body.length >= 2)
    assertError(await server.request('GET', statuses(SINCE)), 401, 'authentication_required')
    assertError(await server.request('GET', statuses(SINCE), { token: await loginAs(server, []) }), 403, 'insufficient_permission')
  })

  it('runs the examples of docs/modules/invoices.md and notifications.md', async () => {
    const fresh = await createBilledCustomer(server, token)
    await writeInvoices(server, billRun(), [monthlyInvoice(fresh)])
    const stdout = await runDocExamples(server.url, ['invoices.md', 'notifications.md'])
    assert.match(stdout, /"grossAmountInMajorCurrency":78\.8/)
    assert.match(stdout, /^%PDF-$/m)
    assert.match(stdout, /^406$/m)
    assert.match(stdout, /"recipientEmail":"accounts@acme\.example"/)
    assert.match(stdout, /"status":"SENT"/)
  })
})
