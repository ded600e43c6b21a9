import type { Generated } from 'kysely'
import type { BrandColumn, VersionedColumns } from '../../db/columns.ts'

/** `payment_providers`: the name unique within the brand; the rest of the flags in `details`. */
export interface PaymentProvidersTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  type: string
  name: string
  status: string
  instant_bank_payments: boolean
  retry_if_possible: boolean
  contract_owner_ids: number[]
  details: Record<string, unknown>
}

/** `site_payment_mandates`: one site's mandate with one provider. */
export interface SitePaymentMandatesTable extends VersionedColumns {
  brand_id: BrandColumn
  id: Generated<number>
  site_id: number
  payment_provider_id: number
  mandate_status: string
  mandate_reference: string | null
  third_party_customer_reference: string | null
  flow_token: string
  redirect_url: string | null
  return_url: string
  exit_url: string | null
  mandate_created_date: string
  mandate_updated_date: string
}

declare module '../../db/tables.ts' {
  interface Tables {
    payment_providers: PaymentProvidersTable
    site_payment_mandates: SitePaymentMandatesTable
  }
}
