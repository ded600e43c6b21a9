import { Decimal } from '../../packages/server/src/resources/decimal.ts'
import type { ApiClient } from './api-client.ts'

/** What a finished bill run made, counted through the API. */
export interface BillRunCounts {
  invoices: number
  invoicesByStatus: Record<string, number>
  customersInvoiced: number
  /** Sums of the invoices' amounts, exact (decimal text). */
  netTotal: string
  grossTotal: string
  /** Rental rated sell records of the bill run, over every customer; null when the route is not there (404). */
  ratedSellRecords: number | null
  customersWithRatedRecords: number | null
}

type InvoiceItem = { customerId: number; invoiceStatus: string; netAmountInMajorCurrency: number; grossAmountInMajorCurrency: number }

const PAGE = 1000

/** Every page of a list (`pageSize` 1000), in order, until a short page. */
async function everyPage<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = []
  for (let page = 1; ; page++) {
    const rows = await api.call<T[]>('GET', `${path}&page=${page}&pageSize=${PAGE}`)
    items.push(...rows)
    if (rows.length < PAGE) return items
  }
}

/** Runs `work` over `items`, `width` at a time. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: width }, worker))
}

/**
 * Counts a bill run's invoices (`GET /v1/invoices?billRunId=`, paged) and its rental rated sell
 * records (`GET /v1/rental-rated-sell-records`, whose published filters need a customer with the
 * bill run: one customer at a time, 8 at once). Any answer but 200 throws, except a 404 on the
 * first rated-records call: the Rental API is not in this build.
 */
export async function countBillRun(api: ApiClient, billRunId: number, customerIds: readonly number[]): Promise<BillRunCounts> {
  const invoices = await everyPage<InvoiceItem>(
    api,
    `/v1/invoices?billRunId=${billRunId}&fields=customerId,invoiceStatus,netAmountInMajorCurrency,grossAmountInMajorCurrency&sort=id`,
  )
  const invoicesByStatus: Record<string, number> = {}
  let net = new Decimal(0)
  let gross = new Decimal(0)
  for (const invoice of invoices) {
    invoicesByStatus[invoice.invoiceStatus] = (invoicesByStatus[invoice.invoiceStatus] ?? 0) + 1
    net = net.plus(String(invoice.netAmountInMajorCurrency))
    gross = gross.plus(String(invoice.grossAmountInMajorCurrency))
  }
  const counts = {
    invoices: invoices.length,
    invoicesByStatus,
    customersInvoiced: new Set(invoices.map((invoice) => invoice.customerId)).size,
    netTotal: net.toFixed(2),
    grossTotal: gross.toFixed(2),
  }
  const rated = (customerId: number) => `/v1/rental-rated-sell-records?billRunId=${billRunId}&customerId=${customerId}&fields=id`
  if (customerIds.length === 0 || (await api.status(`${rated(customerIds[0]!)}&page=1&pageSize=1`)) === 404) {
    return { ...counts, ratedSellRecords: null, customersWithRatedRecords: null }
  }
  let records = 0
  let customers = 0
  await pool(customerIds, 8, async (customerId) => {
    const found = (await everyPage<unknown>(api, rated(customerId))).length
    records += found
    if (found > 0) customers += 1
  })
  return { ...counts, ratedSellRecords: records, customersWithRatedRecords: customers }
}
