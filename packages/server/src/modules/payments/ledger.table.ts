import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn } from '../../db/columns.ts'

/** numeric: pg returns it as text (every digit kept); written as decimal text. */
type Numeric = ColumnType<string, string, string>
type DefaultedNumeric = ColumnType<string, string | undefined, string>
type OptionalText = string | null
type Time = ColumnType<Date, Date, Date>
type BillRunType = 'NORMAL' | 'ADHOC'

/** A customer's credit and the row each of its money moves locks first. */
export interface CustomerAccountsTable {
  brand_id: BrandColumn
  customer_id: number
  credit_amount: DefaultedNumeric
}

/** What a final invoice was paid, refunded and written off (the CHECKs keep them adding up). */
export interface InvoiceLedgersTable {
  brand_id: BrandColumn
  invoice_id: number
  customer_id: number
  gross_amount: Numeric
  paid_amount: DefaultedNumeric
  refunded_amount: DefaultedNumeric
  written_off_amount: DefaultedNumeric
  payment_status: string
  status_updated_at: Time
}

export interface CustomerPaymentsTable {
  brand_id: BrandColumn
  id: Generated<number>
  customer_id: number
  amount: Numeric
  resulting_customer_balance: Numeric
  description: OptionalText
  reference: OptionalText
  payment_method: OptionalText
  payment_date: string
  customer_payment_type: 'CUSTOMER' | 'INVOICE' | 'ADJUSTMENT'
  txn_type: 'PAYMENT' | 'REFUND' | 'ADJUSTMENT'
  created_by_user_id: number | null
  created_by: string
  created_date: Time
}

export interface InvoicePaymentsTable {
  brand_id: BrandColumn
  id: Generated<number>
  invoice_id: number
  bill_run_type: BillRunType
  bill_run_id: number
  customer_id: number
  customer_payment_id: number
  amount: Numeric
  refunded_amount: DefaultedNumeric
  payment_method: OptionalText
  payment_date: string
  reference: OptionalText
  description: OptionalText
  created_date: Time
}

export interface RefundsTable {
  brand_id: BrandColumn
  id: Generated<number>
  invoice_payment_id: number
  invoice_id: number
  bill_run_type: BillRunType
  customer_id: number
  amount: Numeric
  description: OptionalText
  payment_method: OptionalText
  third_party_refund_status: string
  created_date: Time
}

export interface InvoicePaymentEventsTable {
  brand_id: BrandColumn
  id: Generated<number>
  invoice_id: number
  customer_id: number
  bill_run_type: BillRunType
  payment_status: string
  notes: OptionalText
  amount: Numeric
  created_by: string
  created_date: Time
}

/** The credit threshold set for a customer (our PUT /v1/customer-credit-status/{customerId}). */
export interface CustomerCreditThresholdsTable {
  brand_id: BrandColumn
  customer_id: number
  credit_threshold: Numeric
  updated_by: string
  updated_date: Time
}

/** A view: every customer's balance (credit less what its final invoices owe); read-only. */
export interface CustomerBalancesView {
  brand_id: BrandColumn
  customer_id: number
  contract_owner_id: number
  balance: ColumnType<string, never, never>
}

/** A view: the published credit status of each customer with a threshold; read-only. */
export interface CustomerCreditStatusView {
  brand_id: BrandColumn
  id: number
  customer_id: number
  contract_owner_id: number
  credit_threshold: ColumnType<string, never, never>
  bill_amount: ColumnType<string, never, never>
  value_difference: ColumnType<string, never, never>
  percentage_difference: ColumnType<string, never, never>
  open_bill_run_value: ColumnType<string, never, never>
}

declare module '../../db/tables.ts' {
  interface Tables {
    customer_accounts: CustomerAccountsTable
    invoice_ledgers: InvoiceLedgersTable
    customer_payments: CustomerPaymentsTable
    invoice_payments: InvoicePaymentsTable
    refunds: RefundsTable
    invoice_payment_events: InvoicePaymentEventsTable
    customer_credit_thresholds: CustomerCreditThresholdsTable
    customer_balances: CustomerBalancesView
    customer_credit_status: CustomerCreditStatusView
  }
}
