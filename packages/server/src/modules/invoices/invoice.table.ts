import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn, ReadOnlyTimestamp } from '../../db/columns.ts'

/** numeric: pg returns it as text (every digit kept); written as decimal text. */
type Numeric = ColumnType<string, string, string>
type OptionalText = string | null

/** The `invoices` table: written by bill runs (invoice.writer.ts), read by the API. */
export interface InvoicesTable {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  customer_id: number
  /** The site that receives the invoice (its own, or the one named by its siteIdReceivingInvoice). */
  site_id: number
  billing_cycle_id: number | null
  bill_run_id: number
  bill_run_type: 'NORMAL' | 'ADHOC'
  bill_run_status: string
  invoice_status: Generated<'DRAFT' | 'FINAL'>
  invoice_number: OptionalText
  currency_code: string
  invoice_date: string
  due_date: OptionalText
  period_start_date: OptionalText
  period_end_date: OptionalText
  net_amount: Numeric
  tax_amount: Numeric
  gross_amount: Numeric
  payment_status: Generated<string>
  payment_method: OptionalText
  mandate_status: OptionalText
  third_party_payment_status: OptionalText
  third_party_refund_status: OptionalText
  payment_status_updated_time: Date | null
  payment_status_updated_date: OptionalText
  refund_status_updated_date: OptionalText
  third_party_payment_status_updated_time: Date | null
  created_date: ReadOnlyTimestamp
  updated_date: ColumnType<Date, never, Date>
}

/** The `invoice_lines` table: the charges of an invoice, each for one site. */
export interface InvoiceLinesTable {
  brand_id: BrandColumn
  id: Generated<number>
  invoice_id: number
  site_id: number
  description: string
  quantity: Numeric
  unit_price: Numeric
  amount: Numeric
  tax_band_id: number | null
  tax_rate: Numeric
  tax_amount: Numeric
  period_start_date: OptionalText
  period_end_date: OptionalText
}

/** One row per contract owner: the last invoice number it gave. */
export interface InvoiceNumberCountersTable {
  brand_id: BrandColumn
  contract_owner_id: number
  last_number: ColumnType<string, number, number>
}

declare module '../../db/tables.ts' {
  interface Tables {
    invoices: InvoicesTable
    invoice_lines: InvoiceLinesTable
    invoice_number_counters: InvoiceNumberCountersTable
  }
}
