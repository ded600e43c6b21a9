import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import { childRowsJson, type ChildRows } from '../../resources/children.ts'
import { resourceTable } from '../../resources/table.ts'
import { invoiceResource } from './invoice.fields.ts'
import './invoice.table.ts'

/** An invoice's lines as the invoice answers them, read in the invoice's own query. */
const lineRows: ChildRows = {
  table: 'invoice_lines',
  parentColumn: 'invoice_id',
  fields: {
    id: 'id',
    siteId: 'site_id',
    description: 'description',
    quantity: 'quantity',
    unitPriceInMajorCurrency: 'unit_price',
    amountInMajorCurrency: 'amount',
    taxBandId: 'tax_band_id',
    taxRate: 'tax_rate',
    taxAmountInMajorCurrency: 'tax_amount',
    periodStartDate: 'period_start_date',
    periodEndDate: 'period_end_date',
  },
  decimals: ['quantity', 'unitPriceInMajorCurrency', 'amountInMajorCurrency', 'taxRate', 'taxAmountInMajorCurrency'],
  nullable: ['taxBandId', 'periodStartDate', 'periodEndDate'],
}

export const invoices = resourceTable('invoices', invoiceResource, { computed: { invoice_lines: childRowsJson(lineRows) } })

/** Who an invoice is from and to, as its documents and emails name them. */
export interface InvoiceParties {
  contractOwnerName: string
  customerName: string
  customerAccountNumber: string
  siteName: string
  /** The receiving site's invoice address, else its site address. */
  address: Record<string, string | undefined>
  /** The receiving site's contacts' email addresses, in their order, without repeats. */
  emails: string[]
}

/**
 * The parties of one invoice, in one query over the customer, the receiving site and the contract
 * owner (tables of the customers and contract-owners modules, read here rather than through a
 * call per invoice).
 */
export async function invoiceParties(db: TenantReader, invoice: { customerId: number; siteId: number; contractOwnerId: number }): Promise<InvoiceParties | undefined> {
  const result = await sql<{ contract_owner_name: string; customer_name: string; customer_account_number: string; site_name: string; address: Record<string, string>; emails: string[] }>`
    select co.name as contract_owner_name, c.customer_name, c.customer_account_number, s.site_name,
           coalesce(s.site_invoice_details -> 'invoiceAddress', s.site_address) as address,
           array(select distinct on (lower(contact ->> 'email')) contact ->> 'email'
                   from jsonb_array_elements(s.contacts) with ordinality as e(contact, n)
                  where contact ->> 'email' is not null
                  order by lower(contact ->> 'email'), n) as emails
      from customers as c
      join sites as s on s.brand_id = c.brand_id and s.id = ${invoice.siteId}
      join contract_owners as co on co.brand_id = c.brand_id and co.id = ${invoice.contractOwnerId}
     where c.id = ${invoice.customerId}`.execute(db)
  const row = result.rows[0]
  if (row === undefined) return undefined
  return {
    contractOwnerName: row.contract_owner_name,
    customerName: row.customer_name,
    customerAccountNumber: row.customer_account_number,
    siteName: row.site_name,
    address: row.address,
    emails: row.emails,
  }
}
