import { randomUUID } from 'node:crypto'
import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { readUseCases, visibleRecord } from '../../resources/crud.ts'
import type { CreateOf, DocumentOf } from '../../resources/fields.ts'
import { lookUp, lookUpOne } from '../../resources/lookups.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { canSee } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { siteOwnerLookup, siteScopeConditions } from '../customers/index.ts'
import type { PaymentMethod } from './payment-provider.fields.ts'
import { defaultProvidersLookup, providerTermsLookup, sitePaymentMandates, type ProviderTerms } from './payment-provider.repository.ts'
import type { sitePaymentMandateFields } from './site-payment-mandate.fields.ts'

type Mandate = DocumentOf<typeof sitePaymentMandateFields>

/** Providers the published page names as integrated: their mandates carry the provider's reference. */
const INTEGRATED: readonly PaymentMethod[] = ['GO_CARDLESS', 'GC_INSTANT_BANK_PAYMENTS', 'FINASTRA', 'STRIPE', 'STRIPE_CARD', 'STRIPE_DD']
const STRIPE: readonly PaymentMethod[] = ['STRIPE', 'STRIPE_CARD', 'STRIPE_DD']

/**
 * A mandate's own rules with its provider (400, all at once): one that collects (ACTIVE,
 * REINSTATED) with an integrated provider has its reference; a Stripe mandate reference comes with
 * the Stripe Customer ID (`thirdPartyCustomerReference`), as published.
 */
export function mandateRuleErrors(mandate: Mandate, type: PaymentMethod): FieldError[] {
  const errors: FieldError[] = []
  const collecting = mandate.mandateStatus === 'ACTIVE' || mandate.mandateStatus === 'REINSTATED'
  if (collecting && INTEGRATED.includes(type) && mandate.mandateReference === undefined) {
    errors.push({ field: 'mandateReference', code: 'required', message: `is required for a ${mandate.mandateStatus} mandate with a ${type} provider` })
  }
  if (STRIPE.includes(type) && mandate.mandateReference !== undefined && mandate.thirdPartyCustomerReference === undefined) {
    errors.push({ field: 'thirdPartyCustomerReference', code: 'required', message: `is required with a ${type} mandate reference (the Stripe Customer ID)` })
  }
  return errors
}

/**
 * The references of a new mandate, in one statement: its site (in the actor's scope) and its
 * provider, named or by default the one ACTIVE provider serving the site's contract owner. A named
 * provider must be ACTIVE and serve that owner. All reported at once (400 `invalid_reference`).
 */
async function referencesOf(trx: TenantTransaction, actor: Actor, body: CreateOf<typeof sitePaymentMandateFields>): Promise<ProviderTerms> {
  const named = body.paymentProviderId
  const found = await lookUp(trx, {
    owner: siteOwnerLookup(body.siteId),
    provider: named === undefined ? defaultProvidersLookup(body.siteId) : providerTermsLookup(named),
  })
  const references = new ReferenceErrors()
  const owner = found.owner
  const siteFound = owner !== undefined && canSee(actor, owner)
  references.expect(siteFound, 'siteId', `site ${body.siteId} does not exist`)
  const candidates = found.provider === undefined ? [] : Array.isArray(found.provider) ? found.provider : [found.provider]
  const provider = candidates[0]
  if (named !== undefined) {
    const serves = provider !== undefined && provider.status === 'ACTIVE' && (!siteFound || provider.contractOwnerIds.includes(owner!))
    references.expect(serves, 'paymentProviderId', `must be an ACTIVE payment provider serving the site's contract owner (${named} is not)`)
  } else if (siteFound) {
    const problem = candidates.length === 0 ? 'has no ACTIVE payment provider' : 'has several ACTIVE payment providers: name one'
    references.expect(candidates.length === 1, 'paymentProviderId', `is required: the site's contract owner ${problem}`)
  }
  references.throwIfAny()
  return provider!
}

/**
 * Site payment mandates: read within the actor's contract-owner scope (through their site). A
 * create checks the site and provider, then the mandate's rules; the server issues the flow token
 * and keeps the mandate's dates (from the app's clock). An update (JSON Patch) may change what the
 * provider reports (status, references, URLs), never the site or the provider.
 */
export function sitePaymentMandateUseCases(db: Database, clock: () => Date) {
  const scope = (actor: Actor) => siteScopeConditions(actor, 'site_id')
  const today = () => clock().toISOString().slice(0, 10)
  return {
    ...readUseCases(db, sitePaymentMandates, scope),
    create: (actor: Actor, body: CreateOf<typeof sitePaymentMandateFields>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const provider = await referencesOf(trx, actor, body)
        const mandate = { ...body, paymentProviderId: provider.id }
        assertValid(mandateRuleErrors(mandate, provider.type))
        const day = today()
        return sitePaymentMandates.insert(trx, mandate, { flow_token: randomUUID(), mandate_created_date: day, mandate_updated_date: day })
      }),
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, sitePaymentMandates, scope(actor), id, true)
        return patchStored(sitePaymentMandates.description, current, patch, async (document) => {
          const provider = (await lookUpOne(trx, providerTermsLookup(current.resource.paymentProviderId)))!
          assertValid(mandateRuleErrors(document, provider.type))
          return sitePaymentMandates.update(trx, current, document, { mandate_updated_date: today() })
        })
      }),
  }
}
