import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { replaceDraftInvoices, finaliseInvoices } from '../../src/modules/invoices/index.ts'
import { createAdminSetup, customerBody } from '../helpers/fixtures.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId } from '../helpers/users.ts'
import { check, send, type Failure } from './checks.ts'
import { idSources, operationsOf, type Operation } from './document.ts'
import { KNOWN_EXCEPTIONS } from './known-exceptions.ts'
import { requestFor, type KnownIds } from './requests.ts'

/**
 * The OpenAPI fuzzer: every operation of the served /openapi.json (so a module added later is
 * fuzzed with no change here), with and without a token, with requests generated from the
 * document's schemas (json-schema-faker, seeded by fast-check), valid and deliberately not.
 * `ELEVATE_FUZZ_RUNS` sets the cases per operation (200 by default; more for a long run) and
 * `ELEVATE_FUZZ_SEED` replays a run.
 */
const RUNS = Number(process.env.ELEVATE_FUZZ_RUNS ?? 200)
const SEED = Number(process.env.ELEVATE_FUZZ_SEED ?? Date.now() % 2 ** 31)
/** ELEVATE_FUZZ_OPERATIONS (a regular expression on operationId): fuzz those only, to try a new module quickly. */
const ONLY = process.env.ELEVATE_FUZZ_OPERATIONS === undefined ? undefined : new RegExp(process.env.ELEVATE_FUZZ_OPERATIONS)
const CONCURRENCY = 4

/** Ids of what exists, by the path parameter that names them, read through the lists. */
async function knownIds(server: TestServer, token: string, operations: Operation[]): Promise<KnownIds> {
  const ids: KnownIds = new Map()
  for (const [parameter, list] of idSources(operations)) {
    const response = await server.request('GET', `${list}?page=1&pageSize=50`, { token })
    ids.set(parameter, Array.isArray(response.body) ? response.body.map((row: { id: number }) => row.id) : [])
  }
  return ids
}

function describeFailure(f: Failure): string {
  const query = new URLSearchParams(f.request.query).toString()
  return [
    `${f.check} (${f.detail}) on ${f.operation.operationId}`,
    `  ${f.request.method} ${f.request.path}${query === '' ? '' : `?${query}`} token=${f.request.token} ${JSON.stringify(f.request.headers)}`,
    `  content-type=${f.request.contentType} mutation=${f.request.mutation ?? 'none'} body=${(f.request.body ?? '').slice(0, 300)}`,
    `  → ${f.response.status} ${f.response.text.slice(0, 300)}`,
  ].join('\n')
}

describe(`OpenAPI fuzzer (${RUNS} cases per operation, seed ${SEED})`, { timeout: 30 * 60_000 }, () => {
  let server: TestServer
  let token: string
  let operations: Operation[]
  const failures: Failure[] = []
  const known = new Map<string, number>()
  let requests = 0
  const resets: string[] = []

  before(async () => {
    // Login throttling is per user: fuzzed logins must not lock the administrator out.
    server = await startTestServer({ loginMaxFailures: 1000, loginMaxFailuresPerAddress: 100_000 })
    token = await server.login()
    const setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
    const customers: Array<{ id: number; sites: Array<{ id: number }> }> = []
    for (let i = 0; i < 3; i++) customers.push((await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body)
    // Invoices, written as bill runs write them: a final one (PDFs, resend) and a draft.
    await server.db.withTenant(await brandId(server), async (trx) => {
      const invoice = (customer: { id: number; sites: Array<{ id: number }> }) => ({
        contractOwnerId: setup.contractOwnerId,
        customerId: customer.id,
        siteId: customer.sites[0]!.id,
        currencyCode: 'GBP',
        invoiceDate: '2026-12-01',
        lines: [{ siteId: customer.sites[0]!.id, description: 'Line rental', quantity: 1, unitPrice: '20', taxRate: '20' }],
      })
      await replaceDraftInvoices(trx, { id: 1, type: 'NORMAL', status: 'CLOSED' }, customers.map(invoice))
      await finaliseInvoices(trx, { id: 1, type: 'NORMAL', status: 'FINALIZED' })
      await replaceDraftInvoices(trx, { id: 2, type: 'NORMAL', status: 'CLOSED' }, [invoice(customers[0]!)])
    })
    // The admin templates and suppliers, so that their items and nested collections are reached.
    const supplier = await server.request('POST', '/v1/suppliers', { token, json: { name: 'Fuzzed supplier' } })
    const account = await server.request('POST', `/v1/suppliers/${supplier.body.id}/supplier-accounts`, { token, json: { accountNumber: 'FUZZ-1' } })
    const template = await server.request('POST', '/v1/invoice-templates', { token, json: { name: 'Fuzzed invoice template' } })
    for (const path of ['/v1/invoice-summary-templates', '/v1/invoice-summary-template-components', '/v1/electronic-summary-templates']) {
      await server.request('POST', path, { token, json: { name: 'Fuzzed' } })
    }
    await server.request('POST', '/v1/invoice-document-profiles', { token, json: { name: 'Fuzzed profile', invoiceTemplateId: template.body.id } })
    // Reference data under each other, so the item operations reach past 404.
    const made = async (path: string, json: Record<string, unknown>) => (await server.request('POST', path, { token, json })).body.id as number
    const category = await made('/v1/charge-group-categories', { name: 'Fuzz calls', chargingUnitType: 'DURATION', startDate: '2024-01-01' })
    const chargeGroupId = await made('/v1/charge-groups', { name: 'Fuzz group', chargeGroupCategoryId: category, startDate: '2024-01-01' })
    const referenceDataSourceId = await made('/v1/reference-data-sources', { name: 'Fuzz source' })
    const sourceGroup = await made('/v1/reference-data-source-charge-groups', { name: 'Fuzz', code: 'FZ', chargeGroupId, referenceDataSourceId, startDate: '2024-01-01' })
    await made('/v1/dialstrings', { dialstring: '44999', referenceDataSourceChargeGroupId: sourceGroup, startDate: '2024-01-01' })
    await made('/v1/call-classes', { callClass: 'FUZZ', referenceDataSourceChargeGroupId: sourceGroup, startDate: '2024-01-01' })
    await made('/v1/ignored-call-classes', { callClass: 'FUZZIGNORED', startDate: '2024-01-01' })
    await made('/v1/ignored-service-ids', { serviceId: '01130000000' })
    // Priced usage: a usage rate card with a rate, an inclusive usage plan with a component.
    const usageProductId = await made('/v2/usage-products', { name: 'Fuzz calls', usageProductCategoryId: await made('/v2/usage-product-categories', { name: 'Fuzz usage' }), direction: 'OUTBOUND', availableFrom: '2024-01-01', productReferenceFormat: '.*' })
    const usageRate = { chargeGroupId, usageRateType: 'VARIABLE', peakInitialPeriod: 60, peakValue: 1.5, startDate: '2024-01-01' }
    await made('/v2/usage-rate-cards', { contractOwnerIds: [setup.contractOwnerId], name: 'Fuzz calls', availableFrom: '2024-01-01', usageProductId, decimalPlaces: 4, defaultMinCharge: 0, usageRates: [usageRate] })
    const component = { componentType: 'QUANTITY', chargingType: 'DURATION', quantity: 6000, timebands: [{ timeband: 'PEAK' }], chargeGroups: [{ chargeGroupId }] }
    await made('/v2/inclusive-usage-plans', { contractOwnerId: setup.contractOwnerId, name: 'Fuzz plan', usageProductId, availableFrom: '2024-01-01', inclusiveUsageComponents: [component] })
    // Inventory on a customer's site, so the inventory items reach past 404.
    const siteId = (await server.request('GET', '/v1/sites?page=1&pageSize=1', { token })).body[0].id
    const rentalProductCategoryId = await made('/v2/rental-product-categories', { name: 'Fuzz lines', startDate: '2024-01-01', contractOwnerIds: [setup.contractOwnerId] })
    const taxBandId = (await server.request('GET', '/v1/tax-bands?page=1&pageSize=1', { token })).body[0].id
    const rentalProductId = await made('/v2/rental-products', { rentalProductCategoryId, productType: 'PRODUCT', name: 'Fuzz line', invoicePresentationName: 'Fuzz line', supplierId: supplier.body.id, taxBandId, availableFrom: '2024-01-01' })
    const rpi = { siteId, rentalProductId, invoicePresentationProductName: 'Fuzz line', supplierAccountId: account.body.id, startDate: '2024-03-01', invoiceFrequency: 1, quantity: 1 }
    for (let i = 0; i < 3; i++) await made('/v2/rental-product-inventories', rpi)
    const adhoc = { siteId, name: 'Fuzz router', supplierAccountId: account.body.id, sellPrice: 10, quantity: 1, rentalProductCategoryId, taxBandId }
    for (let i = 0; i < 3; i++) await made('/v2/adhoc-inventories', adhoc)
    for (let i = 0; i < 3; i++) await made('/v2/usage-product-inventories', { siteId, usageProductId, startDate: '2024-03-01', productReferences: [{ productReference: `0113000000${i}` }] })
    // Pricing assignments of the customers, so their items and PATCH-by-level reach past 404.
    const customerId = (await server.request('GET', '/v1/customers?page=1&pageSize=1', { token })).body[0].id
    const rentalRateCardId = await made('/v2/rental-rate-cards', { contractOwnerIds: [setup.contractOwnerId], name: 'Fuzz card', rentalProductCategoryId, rentalRateCardType: 'SELL', availableFrom: '2024-01-01' })
    const usageRateCardId = await made('/v2/usage-rate-cards', { contractOwnerIds: [setup.contractOwnerId], name: 'Fuzz usage card', availableFrom: '2024-01-01', usageProductId, decimalPlaces: 4, defaultMinCharge: 0 })
    const inclusiveUsagePlanId = await made('/v2/inclusive-usage-plans', { contractOwnerId: setup.contractOwnerId, name: 'Fuzz plan to assign', usageProductId, availableFrom: '2024-01-01' })
    const rentalProductInventoryId = (await server.request('GET', '/v2/rental-product-inventories?page=1&pageSize=1', { token })).body[0].id
    const price = { price: 1.5, rentalRatePriceType: 'ONEOFF' }
    for (let i = 0; i < 3; i++) {
      const dates = { startDate: `202${i}-01-01`, endDate: `202${i}-12-31` }
      await made('/v1/rental-rate-card-assignments', { assignmentLevel: 'CUSTOMER', customerId, rentalRateCardId, ...dates })
      await made('/v1/usage-rate-card-assignments', { assignmentLevel: 'SITE', siteId, usageRateCardId, ...dates })
      await made('/v1/inclusive-usage-plan-assignments', { assignmentLevel: 'CUSTOMER', customerId, inclusiveUsagePlanId, ...dates })
      await made('/v1/rental-rate-overrides', { assignmentLevel: 'SITE', siteId, rentalProductId, ...price, ...dates })
      await made('/v1/buy-rental-rate-overrides', { rentalProductInventoryId, ...price, ...dates })
      await made('/v1/usage-rate-overrides', {
        assignmentLevel: 'CUSTOMER', customerId, usageProductId, chargeGroupId, variableChargeUnitSize: 60, quantityRoundingIncrement: 1, ...dates,
        peakMinimumCharge: 0, offPeakMinimumCharge: 0, weekendMinimumCharge: 0, peakInitialCharge: 0, offPeakInitialCharge: 0, weekendInitialCharge: 0,
        peakInitialChargePeriod: 0, offPeakInitialChargePeriod: 0, weekendInitialChargePeriod: 0,
      })
    }
    // A payment provider of the customers' contract owner and a mandate of a site, so their items reach past 404.
    await made('/v1/payment-providers', { type: 'GO_CARDLESS', name: 'Fuzz provider', status: 'ACTIVE', contractOwnerIds: [setup.contractOwnerId] })
    await made('/v1/site-payment-mandates', { siteId, returnURL: 'https://fuzz.example/done' })
    // An adhoc bill run (scheduled bill runs are made by the server on the first read).
    await made('/v1/adhoc-bill-runs', { name: 'Fuzz adhoc', invoiceDate: '2026-12-31' })
    operations = operationsOf((await server.request('GET', '/openapi.json')).body).filter((op) => ONLY === undefined || ONLY.test(op.operationId))
  })
  after(async () => {
    await server.close()
  })

  /** Records a failure, unless it is a known exception (counted apart). */
  function record(failure: Failure): void {
    const exception = KNOWN_EXCEPTIONS.find((k) => k.matches(failure))
    if (exception === undefined) failures.push(failure)
    else known.set(exception.id, (known.get(exception.id) ?? 0) + 1)
  }

  it('accepts every documented request example', async () => {
    const refused: string[] = []
    for (const op of operations) {
      for (const [type, media] of Object.entries(op.requestBody ?? {})) {
        if (media.example === undefined) continue
        const ids = await knownIds(server, token, operations)
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => String(ids.get(name)?.[0] ?? 1))
        const request = { method: op.method, path, query: {}, headers: {}, body: JSON.stringify(media.example), contentType: type, token: 'valid' as const, mutation: undefined }
        const response = await send(server.url, request, token)
        const failure: Failure = { check: 'documented example refused', detail: response.body?.message ?? '', operation: op, request, response }
        const schemaRefusal = response.status === 415 || ['malformed_json', 'invalid_patch', 'validation_failed'].includes(response.body?.code)
        if (!schemaRefusal) continue
        const exception = KNOWN_EXCEPTIONS.find((k) => k.matches(failure))
        if (exception === undefined) refused.push(describeFailure(failure))
        else known.set(exception.id, (known.get(exception.id) ?? 0) + 1)
      }
    }
    assert.deepEqual(refused, [])
  })

  it('fuzzes every operation: no 5xx, documented statuses, bodies and content types, the contract error body', { timeout: 30 * 60_000 }, async (t) => {
    assert.ok(operations.length >= (ONLY === undefined ? 20 : 1), 'the document lists the operations')
    for (const [index, op] of operations.entries()) {
      const ids = await knownIds(server, token, operations)
      const cases = fc.sample(requestFor(op, ids), { numRuns: RUNS, seed: SEED + index })
      let next = 0
      const worker = async () => {
        while (next < cases.length) {
          const request = cases[next++]!
          requests++
          let response = await send(server.url, request, token).catch((error: Error) => error)
          if (response instanceof Error) {
            // A connection lost in transit is retried once, as any client would; counted apart.
            resets.push(`${op.operationId}: ${(response.cause as Error | undefined)?.message ?? response.message} (token ${request.token}, ${JSON.stringify(request.headers)}, ${request.contentType}, ${request.body?.length ?? 0} bytes, ${request.mutation ?? 'valid'})`)
            response = await send(server.url, request, token).catch((error: Error) => error)
          }
          if (response instanceof Error) {
            const cause = (error: Error) => `${error.message} ${(error.cause as Error | undefined)?.message ?? ''}`
            record({ check: 'no answer', detail: cause(response), operation: op, request, response: { status: 0, headers: {}, body: undefined, text: '' } })
          } else {
            for (const failure of check(op, request, response)) record(failure)
          }
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    }
    t.diagnostic(`${requests} requests over ${operations.length} operations; ${failures.length} failures; known exceptions: ${JSON.stringify(Object.fromEntries(known))}`)
    const clientErrors = server.logs.filter((line) => line.msg === 'client error before a response').map((line) => JSON.stringify(line))
    if (resets.length > 0) t.diagnostic(`connections lost and retried: ${resets.join('; ')}; client errors logged: ${clientErrors.join(' ') || 'none'}`)
    for (const exception of KNOWN_EXCEPTIONS) {
      if (!known.has(exception.id) && ONLY === undefined) t.diagnostic(`known exception '${exception.id}' did not occur: remove it from known-exceptions.ts if it is fixed`)
    }
    const distinct = new Map<string, Failure>()
    for (const f of failures) distinct.set(`${f.operation.operationId} ${f.check} ${f.response.status} ${f.response.body?.code ?? ''}`, f)
    assert.equal(failures.length, 0, `${distinct.size} distinct failures:\n${[...distinct.values()].slice(0, 40).map(describeFailure).join('\n')}\n${clientErrors.join('\n')}`)
  })

})
