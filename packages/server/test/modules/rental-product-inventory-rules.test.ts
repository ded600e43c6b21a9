import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { billableRentalProductInventories } from '../../src/modules/rental-product-inventories/index.ts'
import { assertError, assertFieldErrors } from '../helpers/assertions.ts'
import { runDocExamples } from '../helpers/docs.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId } from '../helpers/users.ts'
import { created, inventorySetup, rentalProduct, type InventorySetup } from './inventory-fixtures.ts'

const RPIS = '/v2/rental-product-inventories'

describe('rental product inventories: the billing team’s rules', () => {
  let server: TestServer
  let token: string
  let setup: InventorySetup
  let line: any
  const rpi = (overrides: Record<string, unknown> = {}) => ({
    siteId: setup.siteId,
    rentalProductId: line.id,
    invoicePresentationProductName: 'Line rental',
    supplierAccountId: setup.supplierAccountId,
    startDate: '2024-03-01',
    invoiceFrequency: 1,
    quantity: 1,
    productReference: '01132345678',
    ...overrides,
  })
  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}) => server.request('POST', RPIS, { token, json: body, headers })
  const childrenOf = async (id: number) =>
    (await server.request('GET', `${RPIS}?page=1&pageSize=100&siteId=${setup.siteId}&fields=rentalProductId,parentRentalProductInventoryId`, { token })).body.filter(
      (item: { parentRentalProductInventoryId?: number }) => item.parentRentalProductInventoryId === id,
    )

  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await inventorySetup(server, token)
    line = await rentalProduct(server, setup, { availableTo: '2030-12-31', productReferenceRequired: true, productReferenceFormat: '0[1-9][0-9]{8,9}', additionalProductReferenceFormat: '[A-Z]{4}' })
  })
  after(() => server.close())

  it('needs the site live and the product available on the start date, and dates in order (400, all at once)', async () => {
    // The other site is live 2024-03-01 .. 2025-12-31; the product is available from 2024-01-01 to 2030-12-31.
    const early = await post(rpi({ siteId: setup.otherSiteId, startDate: '2024-02-01' }))
    assertError(early, 400, 'validation_failed')
    assertFieldErrors(early, ['siteId:invalid_value'])
    assert.match(early.body.message, /live from 2024-03-01 to 2025-12-31, not on the startDate 2024-02-01/)
    assertFieldErrors(await post(rpi({ siteId: setup.otherSiteId, startDate: '2026-01-01' })), ['siteId:invalid_value'])
    assertFieldErrors(await post(rpi({ startDate: '2031-01-01' })), ['rentalProductId:invalid_value'])
    const newer = await rentalProduct(server, setup, { availableFrom: '2025-01-01' })
    assertFieldErrors(await post(rpi({ rentalProductId: newer.id, siteId: setup.otherSiteId, startDate: '2024-06-01' })), ['rentalProductId:invalid_value'])
    assertFieldErrors(await post(rpi({ endDate: '2024-02-29', pendingEndDate: '2024-01-01', forceBilling: true, forceBillPeriods: 0 })), [
      'endDate:invalid_value', 'pendingEndDate:invalid_value', 'forceBilling:invalid_value',
    ])
    assert.equal((await post(rpi({ siteId: setup.otherSiteId, startDate: '2025-12-31', endDate: '2025-12-31' }))).status, 201, 'both ends inclusive')
  })

  it('takes the references the product asks for, in its formats (400 naming each)', async () => {
    const { productReference: _, ...without } = rpi()
    const missing = await post(without)
    assertError(missing, 400, 'validation_failed')
    assertFieldErrors(missing, ['productReference:required'])
    assertFieldErrors(await post(rpi({ productReference: '1132345678', additionalProductReference: 'abcd' })), ['productReference:invalid_format', 'additionalProductReference:invalid_format'])
    assertFieldErrors(await post(rpi({ productReference: '011323456789' + '0' })), ['productReference:invalid_format'])
    assert.equal((await post(rpi({ additionalProductReference: 'ISDN' }))).status, 201)
    const free = await rentalProduct(server, setup)
    assert.equal((await post(rpi({ rentalProductId: free.id, productReference: undefined }))).status, 201, 'a product without rules takes none')
  })

  it('puts a FEATURE under a parent RPI on the same site, of the product’s parent, one level deep, live on the start date', async () => {
    const feature = await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: line.id })
    const parent = await created(server, token, RPIS, rpi({ endDate: '2024-12-31' }))
    assertFieldErrors(await post(rpi({ rentalProductId: feature.id })), ['parentRentalProductInventoryId:required'])
    const elsewhere = await created(server, token, RPIS, rpi({ siteId: setup.otherSiteId }))
    assertFieldErrors(await post(rpi({ rentalProductId: feature.id, parentRentalProductInventoryId: elsewhere.id })), ['parentRentalProductInventoryId:invalid_value'])
    const unrelated = await created(server, token, RPIS, rpi({ rentalProductId: (await rentalProduct(server, setup)).id, productReference: undefined }))
    const wrong = await post(rpi({ rentalProductId: feature.id, parentRentalProductInventoryId: unrelated.id }))
    assertFieldErrors(wrong, ['parentRentalProductInventoryId:invalid_value'])
    assert.match(wrong.body.message, new RegExp(`not of ${line.id}`))
    assertFieldErrors(await post(rpi({ rentalProductId: feature.id, parentRentalProductInventoryId: parent.id, startDate: '2025-01-01' })), ['parentRentalProductInventoryId:invalid_value'])
    const child = await post(rpi({ rentalProductId: feature.id, parentRentalProductInventoryId: parent.id }))
    assert.equal(child.status, 201, child.text)
    const grandchild = await post(rpi({ rentalProductId: feature.id, parentRentalProductInventoryId: child.body.id }))
    assertFieldErrors(grandchild, ['parentRentalProductInventoryId:invalid_value', 'parentRentalProductInventoryId:invalid_value'])
    assert.match(grandchild.body.message, /is itself under .*: inventory nests one level deep/)
  })

  it('adds the RPIs of child products marked generateWhenParentCreated with their parent, in the same transaction', async () => {
    const parentProduct = await rentalProduct(server, setup)
    const generated = await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: parentProduct.id, generateWhenParentCreated: true, invoicePresentationName: 'Caller display', alignedToBillPeriod: true })
    await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: parentProduct.id })
    await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: parentProduct.id, generateWhenParentCreated: true, availableFrom: '2029-01-01' })
    const parent = await created(server, token, RPIS, rpi({ rentalProductId: parentProduct.id, quantity: 2, productReference: undefined }))
    const children = await childrenOf(parent.id)
    assert.deepEqual(children, [{ rentalProductId: generated.id, parentRentalProductInventoryId: parent.id }], 'only the generated child available on the start date')
    const child = (await server.request('GET', `${RPIS}?page=1&pageSize=1&rentalProductId=${generated.id}`, { token })).body[0]
    assert.equal(child.invoicePresentationProductName, 'Caller display')
    assert.equal(child.quantity, 2)
    assert.equal(child.alignedToBillPeriod, true, 'the child product’s defaults')
    const skipped = await created(server, token, RPIS, rpi({ rentalProductId: parentProduct.id, productReference: undefined }))
    assert.equal((await server.request('POST', RPIS, { token, json: rpi({ rentalProductId: parentProduct.id, productReference: undefined }), headers: { disable_adding_linked_rentals: 'true' } })).status, 201)
    assert.equal((await childrenOf(skipped.id)).length, 1)
    assertFieldErrors(await server.request('POST', RPIS, { token, json: rpi(), headers: { disable_adding_linked_rentals: 'maybe' } }), ['disable_adding_linked_rentals:invalid_value'])
  })

  it('refuses the whole create when a generated child would break its product’s rules (nothing is added)', async () => {
    const parentProduct = await rentalProduct(server, setup)
    await rentalProduct(server, setup, { productType: 'FEATURE', parentRentalProductId: parentProduct.id, generateWhenParentCreated: true, productReferenceRequired: true })
    const count = async () => (await server.request('GET', `${RPIS}?page=1&pageSize=100&rentalProductId=${parentProduct.id}&fields=id`, { token })).body.length
    const refused = await post(rpi({ rentalProductId: parentProduct.id, productReference: undefined }))
    assertFieldErrors(refused, ['productReference:required'])
    assert.match(refused.body.message, /generated with this one/)
    assert.equal(await count(), 0)
  })

  it('loads the billable RPIs of some sites for a period in one query (for billing)', async () => {
    const site = (await created(server, token, '/v1/sites', { customerId: setup.customerId, siteName: `Billing ${process.pid}`, siteReference: `BILL-${process.pid}`, startDate: '2024-01-01', siteAddress: { address1: '1', town: 'T', postcode: 'P', country: 'GB' }, contacts: [{ firstName: 'A', lastName: 'B', email: 'a@example.com' }] })).id
    const make = (overrides: Record<string, unknown>) => created(server, token, RPIS, rpi({ siteId: site, ...overrides }))
    const open = await make({ startDate: '2024-02-10' })
    const endsInside = await make({ startDate: '2024-01-01', endDate: '2024-03-05' })
    await make({ startDate: '2024-01-01', endDate: '2024-02-29' })
    const forced = await make({ startDate: '2024-01-01', endDate: '2024-02-29', forceBilling: true, forceBillPeriods: 2 })
    await make({ startDate: '2024-04-01' })
    await make({ startDate: '2024-03-01', billable: false })
    await make({ startDate: '2024-03-01', inFlightOrder: true })
    const rows = await server.db.readTenant(await brandId(server), (db) => billableRentalProductInventories(db, [site, setup.otherSiteId + 1000], { startDate: '2024-03-01', endDate: '2024-03-31' }))
    assert.deepEqual(rows.map((row) => row.id), [open.id, endsInside.id, forced.id])
    assert.deepEqual(rows[1], {
      id: endsInside.id, siteId: site, rentalProductId: line.id, parentRentalProductInventoryId: null, invoicePresentationProductName: 'Line rental', productReference: '01132345678',
      nominalCode: null, startDate: '2024-01-01', endDate: '2024-03-05', contractStartDate: null, invoiceFrequency: 1, quantity: 1, treatStartAsWholePeriod: false,
      treatEndAsWholePeriod: false, alignedToStart: false, alignedToBillPeriod: false, billInitialChargesImmediately: false, forceBilling: false, forceBillPeriods: 0,
    })
    assert.deepEqual(await server.db.readTenant(await brandId(server), (db) => billableRentalProductInventories(db, [], { startDate: '2024-03-01', endDate: '2024-03-31' })), [])
  })

  it('runs the docs examples as written (RPIs and UPIs)', async () => {
    const stdout = await runDocExamples(server.url, ['customers-and-sites.md', 'product-inventory.md'])
    assert.match(stdout, /\[\{"invoicePresentationProductName":"Analogue line"\},\{"parentRentalProductInventoryId":\d+,"invoicePresentationProductName":"Caller display"\}\]/)
    assert.match(stdout, /"code":"validation_failed".*productReference/)
    assert.match(stdout, /"productReference":"01132345679","primary":false,"startDate":"2024-02-15","label":"Fax","endDate":"2024-12-31"/)
    assert.match(stdout, /^\[\{"startDate":"2024-02-15"\}\]$/m)
  })
})
