import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { canSee, scopeConditions } from '../../resources/scope.ts'
import { customerOwner } from './customer.repository.ts'
import type { siteFields } from './site.fields.ts'
import { invoiceReceiver, mandateConditions, sites } from './site.repository.ts'

export { siteScopeConditions, siteTermsLookup, type SiteTerms } from './site.repository.ts'

type SiteDocument = DocumentOf<typeof siteFields>
/** A site's own fields, whether it is created alone or inside a new customer. */
type SiteFields = Omit<SiteDocument, 'customerId'>

/** A site's own rules: dates in order; invoices either its own (with one due-date rule) or another's. */
export function siteRuleErrors(site: SiteFields, prefix: string): FieldError[] {
  const errors = dateOrderErrors(site.startDate, site.endDate, `${prefix}endDate`, 'startDate')
  const invoice = site.siteInvoiceDetails
  if (invoice !== undefined && (invoice.paymentTermsInDays === undefined) === (invoice.preferredPaymentDay === undefined)) {
    errors.push({ field: `${prefix}siteInvoiceDetails`, code: 'invalid_value', message: 'must have either paymentTermsInDays or preferredPaymentDay' })
  }
  const amount = site.repaymentPlanAmount
  if (amount !== undefined && Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
    errors.push({ field: `${prefix}repaymentPlanAmount`, code: 'invalid_value', message: 'must have at most two decimal places' })
  }
  if (invoice !== undefined && site.siteIdReceivingInvoice !== undefined) {
    errors.push({ field: `${prefix}siteIdReceivingInvoice`, code: 'invalid_value', message: 'must be absent when the site has its own siteInvoiceDetails' })
  }
  return errors
}

/**
 * The rules of a site, in the contract's order: its own rules (400), then its customer (a new
 * site's, in scope) and the site receiving its invoices (400, together). A new site stores its
 * customer's contract owner beside it, so scope needs no join.
 */
async function checkSite(trx: TenantTransaction, actor: Actor, site: SiteDocument, current: { row: { id?: unknown } } | undefined) {
  assertValid(siteRuleErrors(site, ''))
  const references = new ReferenceErrors()
  const owner = current === undefined ? await customerOwner(trx, site.customerId) : undefined
  // A customer outside the actor's scope is reported like one that does not exist.
  if (current === undefined) references.expect(owner !== undefined && canSee(actor, owner), 'customerId', `customer ${site.customerId} does not exist`)
  const receiving = site.siteIdReceivingInvoice
  if (receiving !== undefined) {
    // Only a site with its own invoice details can receive others': no chains, no cycles.
    const receiver = receiving === current?.row.id ? undefined : await invoiceReceiver(trx, receiving)
    const valid = receiver?.customerId === site.customerId && receiver.receivesInvoices
    references.expect(valid, 'siteIdReceivingInvoice', `must be another site of customer ${site.customerId} that has its own siteInvoiceDetails`)
  }
  references.throwIfAny()
  return owner === undefined ? undefined : { contract_owner_id: owner }
}

/** Sites: a customer's physical locations (Customer and Sites API); the list also filters by their mandates. */
export function siteUseCases(db: Database) {
  const crud = crudUseCases(db, sites, { scope: (actor) => scopeConditions(actor, 'contract_owner_id'), check: checkSite })
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest) => crud.list(actor, { ...list, conditions: mandateConditions(list.conditions) }),
    exists: (actor: Actor, conditions: Condition[]) => crud.exists(actor, mandateConditions(conditions)),
  }
}
