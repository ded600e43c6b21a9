import { sql } from 'kysely'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { paymentProviderResource, type PaymentMethod } from './payment-provider.fields.ts'
import { sitePaymentMandateResource } from './site-payment-mandate.fields.ts'
import './payment-provider.table.ts'

export const paymentProviders = resourceTable('payment_providers', paymentProviderResource, { unique: { payment_providers_name_key: 'name' } })

export const sitePaymentMandates = resourceTable('site_payment_mandates', sitePaymentMandateResource, {
  unique: { site_payment_mandates_live_key: 'siteId', site_payment_mandates_reference_key: 'mandateReference' },
  references: { site_payment_mandates_site_fkey: 'siteId', site_payment_mandates_provider_fkey: 'paymentProviderId' },
})

/** What a mandate's write checks of its provider. */
export interface ProviderTerms {
  id: number
  type: PaymentMethod
  status: 'ACTIVE' | 'INACTIVE'
  contractOwnerIds: number[]
}

const terms = sql<ProviderTerms>`json_build_object('id', id, 'type', type, 'status', status, 'contractOwnerIds', contract_owner_ids)`

/** The provider's terms, when it exists in the brand (for `lookUp`). */
export const providerTermsLookup = (id: number): Lookup<ProviderTerms> => (db) => db.selectFrom('payment_providers').select(terms.as('value')).where('id', '=', id)

/**
 * The ACTIVE providers serving the contract owner of a site (at most two: one is the default, two
 * mean there is none), when a mandate names no provider (for `lookUp`).
 */
export const defaultProvidersLookup = (siteId: number): Lookup<ProviderTerms[]> => (db) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('payment_providers')
        .select(terms.as('terms'))
        .where('status', '=', 'ACTIVE')
        .where(sql<boolean>`contract_owner_ids @> array[(select s.contract_owner_id from sites as s where s.id = ${siteId})]`)
        .orderBy('id')
        .limit(2)
        .as('p'),
    )
    .select(sql<ProviderTerms[]>`coalesce(json_agg(p.terms), '[]'::json)`.as('value'))
