import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { loginAs, otherBrandAdmin } from '../helpers/users.ts'
import { billRun, createBilledCustomer, monthlyInvoice, writeInvoices, type Billed } from './invoice-fixtures.ts'

const INVOICES = '/v1/invoices'
const list = (query: string) => `${INVOICES}?page=1&pageSize=100&${query}`

const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`

/** The text of every page of a PDF, as a real PDF parser reads it back. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  // A copy: the parser takes the buffer it is given.
  const pdf = await getDocument({ data: new Uint8Array(bytes).slice(), isEvalSupported: false, standardFontDataUrl }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await pdf.destroy()
  return pages.join('\n')
}

describe('/v1/invoices', () => {
  let server: TestServer
  let token: string
  let billed: Billed
  let finalId: number
  let draftId: number
  let adhocId: number
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } })

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    billed = await createBilledCustomer(server, token)
    finalId = (await writeInvoices(server, billRun(), [monthlyInvoice(billed)]))[0]!
    draftId = (await writeInvoices(server, billRun(), [monthlyInvoice(billed, { invoiceDate: '2027-01-01', dueDate: undefined })], false))[0]!
    adhocId = (await writeInvoices(server, billRun({ type: 'ADHOC' }), [monthlyInvoice(billed, { lines: [{ siteId: billed.branchId, description: 'Engineer visit', quantity: 1, unitPrice: '60', taxRate: '20' }] })]))[0]!
  })
  after(() => server.close())

  it('answers one invoice with its lines and totals, addressed to the site that receives it', async () => {
    const response = await server.request('GET', `${INVOICES}/${finalId}`, { token })
    assert.equal(response.status, 200, response.text)
    const { createdDate, invoiceLines, invoiceNumber, ...invoice } = response.body
    assert.match(createdDate, /^\d{4}-\d{2}-\d{2}T/)
    assert.match(invoiceNumber, /^\d+$/)
    assert.deepEqual(invoice, {
      id: finalId,
      contractOwnerId: billed.setup.contractOwnerId,
      billRunId: invoice.billRunId,
      billRunType: 'NORMAL',
      billRunStatus: 'FINALIZED',
      customerId: billed.customerId,
      siteId: billed.headOfficeId,
      invoiceStatus: 'FINAL',
      currencyCode: 'GBP',
      invoiceDate: '2026-12-01',
      dueDate: '2026-12-31',
      periodStartDate: '2026-11-01',
      periodEndDate: '2026-11-30',
      netAmountInMajorCurrency: 65.67,
      taxAmountInMajorCurrency: 13.13,
      grossAmountInMajorCurrency: 78.8,
      paymentStatus: 'UNPAID',
    })
    assert.deepEqual(
      invoiceLines.map(({ id: _, ...line }: { id: number }) => line),
      [
        { siteId: billed.headOfficeId, description: 'Line rental', quantity: 1, unitPriceInMajorCurrency: 20, amountInMajorCurrency: 20, taxRate: 20, taxAmountInMajorCurrency: 4, periodStartDate: '2026-11-01', periodEndDate: '2026-11-30' },
        { siteId: billed.branchId, description: 'Line rental (16 of 30 days)', quantity: 0.5333, unitPriceInMajorCurrency: 20, amountInMajorCurrency: 10.67, taxRate: 20, taxAmountInMajorCurrency: 2.13, periodStartDate: '2026-11-15', periodEndDate: '2026-11-30' },
        { siteId: billed.branchId, description: 'Installation', quantity: 1, unitPriceInMajorCurrency: 35, amountInMajorCurrency: 35, taxRate: 20, taxAmountInMajorCurrency: 7 },
      ],
    )
    const draft = await server.request('GET', `${INVOICES}/${draftId}`, { token })
    assert.deepEqual([draft.body.invoiceStatus, draft.body.invoiceNumber, draft.body.paymentStatus, draft.body.dueDate], ['DRAFT', undefined, 'NA', undefined])
  })

  it('lists with the published filters, sort, fields and paging', async () => {
    const ids = async (query: string) => {
      const response = await server.request('GET', list(query), { token })
      assert.equal(response.status, 200, response.text)
      return response.body.map((invoice: { id: number }) => invoice.id)
    }
    assert.deepEqual(await ids(`customerId=${billed.customerId}&sort=id`), [finalId, draftId, adhocId])
    assert.deepEqual(await ids(`customerId=${billed.customerId}&sort=id:desc`), [adhocId, draftId, finalId])
    assert.deepEqual(await ids(`customerId=${billed.customerId}&billRunType=ADHOC`), [adhocId])
    assert.deepEqual(await ids(`siteId=${billed.headOfficeId}&invoiceDate=gt:2026-12-01&sort=id`), [draftId])
    assert.deepEqual(await ids(`customerId=${billed.customerId}&paymentStatus=in:UNPAID,PAID&sort=id`), [finalId, adhocId])
    assert.deepEqual(await ids(`customerId=${billed.customerId}&billRunStatus=like:final&sort=id`), [finalId, adhocId])
    assert.deepEqual(await ids(`contractOwnerId=${billed.setup.contractOwnerId}&dueDate=2026-12-31&sort=id`), [finalId, adhocId])
    const numbered = await server.request('GET', `${INVOICES}/${finalId}`, { token })
    assert.deepEqual(await ids(`invoiceNumber=${numbered.body.invoiceNumber}&contractOwnerId=${billed.setup.contractOwnerId}`), [finalId])
    assert.deepEqual(await ids(`id=${adhocId}`), [adhocId])
    assert.deepEqual(await ids(`customerId=${billed.customerId}&createdDate=gt:2000-01-01T00:00:00Z&sort=id`), [finalId, draftId, adhocId])
    const page = await server.request('GET', `${INVOICES}?page=2&pageSize=1&customerId=${billed.customerId}&sort=id&fields=id,grossAmountInMajorCurrency`, { token })
    assert.deepEqual(page.body, [{ id: draftId, grossAmountInMajorCurrency: 78.8 }])
    assert.match(page.headers.get('link') ?? '', /rel="next"/)
  })

  it('refuses bad list queries with every problem at once (400)', async () => {
    const unknown = await server.request('GET', list('billRunType=WEEKLY&colour=red'), { token })
    assertError(unknown, 400, 'invalid_query')
    assertFieldErrors(unknown, ['billRunType:invalid_value', 'colour:unknown_parameter'])
    const malformed = await server.request('GET', list('dueDate=31/12/2026&customerId=abc&sort=nope'), { token })
    assertError(malformed, 400, 'invalid_query')
    assertFieldErrors(malformed, ['dueDate:invalid_filter', 'customerId:invalid_filter', 'sort:unknown_field'])
    assertError(await server.request('GET', INVOICES, { token }), 400, 'invalid_query')
  })

  it('HEAD tells whether any invoice matches (200 or 404, no body)', async () => {
    const found = await server.request('HEAD', `${INVOICES}?customerId=${billed.customerId}`, { token })
    assert.deepEqual([found.status, found.text], [200, ''])
    const none = await server.request('HEAD', `${INVOICES}?customerId=${billed.customerId}&invoiceDate=lt:2000-01-01`, { token })
    assert.deepEqual([none.status, none.text], [404, ''])
  })

  it('keeps invoices to their brand and contract owner: 404 outside, 401 without a token, 403 without the permission, 405 for other methods', async () => {
    assertError(await server.request('GET', `${INVOICES}/${finalId}`, { token: await otherBrandAdmin(server) }), 404, 'not_found')
    assertError(await server.request('GET', `${INVOICES}/999999999`, { token }), 404, 'not_found')
    const elsewhere = await createBilledCustomer(server, token)
    const restricted = await loginAs(server, ['Read Only'], elsewhere.setup.contractOwnerId)
    assertError(await server.request('GET', `${INVOICES}/${finalId}`, { token: restricted }), 404, 'not_found')
    assertError(await server.request('GET', `${INVOICES}/${finalId}/pdf`, { token: restricted }), 404, 'not_found')
    assert.deepEqual((await server.request('GET', list(''), { token: restricted })).body, [])
    assertError(await server.request('GET', `${INVOICES}/${finalId}`), 401, 'authentication_required')
    assertError(await server.request('GET', list(''), { token: await loginAs(server, []) }), 403, 'insufficient_permission')
    const deleted = await server.request('DELETE', `${INVOICES}/${finalId}`, { token })
    assertError(deleted, 405, 'method_not_allowed')
    assert.equal(deleted.headers.get('allow'), 'GET, HEAD, OPTIONS')
    assertError(await server.request('POST', INVOICES, { token, json: {} }), 405, 'method_not_allowed')
  })

  it('answers the invoice PDF, with the number and the total in its text, made again the same', async () => {
    const response = await get(`${INVOICES}/${finalId}/pdf`, { accept: 'application/pdf' })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const bytes = await response.arrayBuffer()
    assert.equal(Buffer.from(bytes.slice(0, 5)).toString(), '%PDF-')
    const text = await pdfText(bytes)
    const { invoiceNumber } = (await server.request('GET', `${INVOICES}/${finalId}`, { token })).body
    assert.match(text, new RegExp(`Invoice number: ${invoiceNumber}\\b`))
    assert.match(text, /Total to pay: GBP 78\.80/)
    assert.match(text, /Line rental \(16 of 30 days\)/)
    const again = await get(`${INVOICES}/${finalId}/pdf`)
    assert.deepEqual(Buffer.from(await again.arrayBuffer()), Buffer.from(bytes))
    assert.match(await pdfText(await (await get(`${INVOICES}/${draftId}/pdf`, { accept: '*/*' })).arrayBuffer()), /DRAFT/)
  })

  it('answers the summary PDF: the charges by site and tax rate, and the total', async () => {
    const response = await get(`${INVOICES}/${finalId}/summary-pdf`, { accept: 'application/pdf, application/json;q=0.5' })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    const text = await pdfText(await response.arrayBuffer())
    assert.match(text, new RegExp(`Site ${billed.headOfficeId}, tax 20%: 1 charge\\(s\\), net 20\\.00, tax 4\\.00`))
    assert.match(text, new RegExp(`Site ${billed.branchId}, tax 20%: 2 charge\\(s\\), net 45\\.67, tax 9\\.13`))
    assert.match(text, /Total to pay: GBP 78\.80/)
  })

  it('answers 406 (in JSON) to a client that accepts neither PDF nor anything, and 404 for an unknown invoice', async () => {
    for (const accept of ['application/json', 'text/html', 'application/pdf;q=0']) {
      const response = await server.request('GET', `${INVOICES}/${finalId}/pdf`, { token, headers: { accept } })
      assertError(response, 406, 'not_acceptable')
      assert.match(response.body.message, /application\/pdf/)
    }
    assertError(await server.request('GET', `${INVOICES}/${finalId}/summary-pdf`, { token, headers: { accept: 'application/json' } }), 406, 'not_acceptable')
    assertError(await server.request('GET', `${INVOICES}/999999999/summary-pdf`, { token }), 404, 'not_found')
    assertError(await server.request('GET', `${INVOICES}/abc/pdf`, { token }), 400, 'invalid_path_parameter')
  })
})
