import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { finaliseInvoices, replaceDraftInvoices } from '../../src/modules/invoices/index.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { brandId } from '../helpers/users.ts'
import { billRun, createBilledCustomer, monthlyInvoice, writeInvoices, type Billed } from './invoice-fixtures.ts'

// The writer bill runs call, straight against PostgreSQL: drafts replaced, numbers without gaps
// under concurrency, final invoices refused any change by the database itself.
describe('invoice writer (replaceDraftInvoices, finaliseInvoices)', () => {
  let server: TestServer
  let billed: Billed
  let brand: number
  const invoiceRows = (ids: number[]) =>
    server.db.withTenant(brand, (trx) => trx.selectFrom('invoices').selectAll().where('id', 'in', ids).orderBy('id').execute())
  const numbersOf = async (contractOwnerId: number) =>
    (await server.db.withTenant(brand, (trx) => trx.selectFrom('invoices').select('invoice_number').where('contract_owner_id', '=', contractOwnerId).where('invoice_status', '=', 'FINAL').execute()))
      .map((row) => Number(row.invoice_number))
      .sort((a, b) => a - b)

  before(async () => {
    server = await startTestServer()
    const token = await server.login()
    billed = await createBilledCustomer(server, token)
    brand = await brandId(server)
  })
  after(() => server.close())

  it('writes drafts with exact totals: each line rounded half up to the penny, tax per line', async () => {
    const [id] = await writeInvoices(server, billRun(), [monthlyInvoice(billed)], false)
    const [row] = await invoiceRows([id!])
    assert.deepEqual(
      { status: row!.invoice_status, number: row!.invoice_number, net: row!.net_amount, tax: row!.tax_amount, gross: row!.gross_amount, payment: row!.payment_status },
      { status: 'DRAFT', number: null, net: '65.67', tax: '13.13', gross: '78.80', payment: 'NA' },
    )
    const lines = await server.db.withTenant(brand, (trx) => trx.selectFrom('invoice_lines').select(['amount', 'tax_amount', 'site_id']).where('invoice_id', '=', id!).orderBy('id').execute())
    assert.deepEqual(lines, [
      { amount: '20.00', tax_amount: '4.00', site_id: billed.headOfficeId },
      { amount: '10.67', tax_amount: '2.13', site_id: billed.branchId },
      { amount: '35.00', tax_amount: '7.00', site_id: billed.branchId },
    ])
  })

  it('replaces a bill run’s drafts on regeneration, lines included, and leaves other bill runs alone', async () => {
    const run = billRun()
    const other = billRun()
    const [first] = await writeInvoices(server, run, [monthlyInvoice(billed)], false)
    const [kept] = await writeInvoices(server, other, [monthlyInvoice(billed)], false)
    const regenerated = await writeInvoices(server, run, [monthlyInvoice(billed, { lines: [{ siteId: billed.headOfficeId, description: 'Line rental', quantity: 2, unitPrice: '9.995', taxRate: '0' }] })], false)
    assert.equal(regenerated.length, 1)
    assert.notEqual(regenerated[0], first)
    assert.deepEqual((await invoiceRows([first!, kept!, regenerated[0]!])).map((row) => [row.id, row.net_amount]), [
      [kept, '65.67'],
      [regenerated[0], '19.99'],
    ])
    const orphans = await server.db.withTenant(brand, (trx) => trx.selectFrom('invoice_lines').select('id').where('invoice_id', '=', first!).execute())
    assert.deepEqual(orphans, [])
    assert.deepEqual(await writeInvoices(server, run, [], false), [])
    assert.deepEqual(await invoiceRows(regenerated), [])
  })

  it('numbers final invoices per contract owner from 1, in order of customer, and only the drafts', async () => {
    const second = await createBilledCustomer(server, await server.login(), billed.setup)
    const run = billRun()
    const ids = await writeInvoices(server, run, [monthlyInvoice(second), monthlyInvoice(billed)])
    const rows = await invoiceRows(ids)
    const byCustomer = new Map(rows.map((row) => [row.customer_id, row]))
    const [low, high] = [billed.customerId, second.customerId].sort((a, b) => a - b)
    const numbers = await numbersOf(billed.setup.contractOwnerId)
    assert.ok(Number(byCustomer.get(low!)!.invoice_number) < Number(byCustomer.get(high!)!.invoice_number))
    assert.deepEqual(rows.map((row) => [row.invoice_status, row.payment_status, row.bill_run_status]), [
      ['FINAL', 'UNPAID', 'FINALIZED'],
      ['FINAL', 'UNPAID', 'FINALIZED'],
    ])
    assert.deepEqual(numbers, numbers.map((_, index) => index + 1))
    // Finalising again finds no drafts: nothing renumbered.
    assert.equal(await server.db.withTenant(brand, (trx) => finaliseInvoices(trx, { ...run, status: 'FINALIZED' })), 0)
    assert.deepEqual(await numbersOf(billed.setup.contractOwnerId), numbers)
    // Regenerating drafts leaves the run's final invoices alone.
    await writeInvoices(server, run, [], false)
    assert.equal((await invoiceRows(ids)).length, 2)
  })

  it('gives numbers without gaps when bill runs of one contract owner finalise at once, and a rollback returns its numbers', async () => {
    const fresh = await createBilledCustomer(server, await server.login())
    const owner = fresh.setup.contractOwnerId
    const runs = Array.from({ length: 6 }, () => billRun())
    for (const run of runs) await writeInvoices(server, run, [monthlyInvoice(fresh), monthlyInvoice(fresh), monthlyInvoice(fresh)], false)
    const failing = billRun()
    await writeInvoices(server, failing, [monthlyInvoice(fresh), monthlyInvoice(fresh)], false)
    const rolledBack = server.db.withTenant(brand, async (trx) => {
      await finaliseInvoices(trx, { ...failing, status: 'FINALIZED' })
      throw new Error('the bill run failed after numbering')
    })
    const finalised = await Promise.all([rolledBack.catch((error: Error) => error.message), ...runs.map((run) => server.db.withTenant(brand, (trx) => finaliseInvoices(trx, { ...run, status: 'FINALIZED' })))])
    assert.deepEqual(finalised, ['the bill run failed after numbering', 3, 3, 3, 3, 3, 3])
    assert.deepEqual(await numbersOf(owner), Array.from({ length: 18 }, (_, index) => index + 1))
    assert.equal(await server.db.withTenant(brand, (trx) => finaliseInvoices(trx, { ...failing, status: 'FINALIZED' })), 2)
    assert.deepEqual(await numbersOf(owner), Array.from({ length: 20 }, (_, index) => index + 1))
  })

  it('refuses any change to a final invoice or its lines in the database, but lets its payment status move', async () => {
    const [id] = await writeInvoices(server, billRun(), [monthlyInvoice(billed)])
    const refused = async (statement: (trx: Parameters<Parameters<TestServer['db']['withTenant']>[1]>[0]) => Promise<unknown>) =>
      assert.rejects(server.db.withTenant(brand, statement), /final/)
    await refused((trx) => trx.updateTable('invoices').set({ net_amount: '1.00', gross_amount: '14.13' }).where('id', '=', id!).execute())
    await refused((trx) => trx.updateTable('invoices').set({ invoice_number: '999999' }).where('id', '=', id!).execute())
    await refused((trx) => trx.deleteFrom('invoices').where('id', '=', id!).execute())
    await refused((trx) => trx.updateTable('invoice_lines').set({ description: 'Changed' }).where('invoice_id', '=', id!).execute())
    await refused((trx) => trx.deleteFrom('invoice_lines').where('invoice_id', '=', id!).execute())
    await refused((trx) =>
      trx.insertInto('invoice_lines').values({ invoice_id: id!, site_id: billed.headOfficeId, description: 'Extra', quantity: '1', unit_price: '1', amount: '1', tax_rate: '0', tax_amount: '0' }).execute(),
    )
    await server.db.withTenant(brand, (trx) => trx.updateTable('invoices').set({ payment_status: 'PAID', payment_status_updated_time: sql<Date>`now()` }).where('id', '=', id!).execute())
    const [row] = await invoiceRows([id!])
    assert.deepEqual([row!.payment_status, row!.net_amount], ['PAID', '65.67'])
  })

  it('writes a batch of 2,000 invoices of three lines each (one insert statement for all of it)', async () => {
    const many = Array.from({ length: 2000 }, () => monthlyInvoice(billed))
    const ids = await server.db.withTenant(brand, (trx) => replaceDraftInvoices(trx, billRun(), many))
    assert.equal(new Set(ids).size, 2000)
    const lines = await server.db.withTenant(brand, (trx) => trx.selectFrom('invoice_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('invoice_id', 'in', ids).executeTakeFirstOrThrow())
    assert.equal(Number(lines.n), 6000)
  })
})
