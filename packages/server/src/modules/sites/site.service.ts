import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { dateOrderErrors, withoutNulls } from '../../resources/dates.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { ResourceService, type ResourceDefinition } from '../../resources/resource-service.ts'
import { canSee, scopeConditions } from '../../resources/scope.ts'
import { customerOwner, invoiceReceiver, sites, type SiteRow, type SiteValues } from './site.repository.ts'
import { READ_ONLY, SiteBody, siteList, type Site } from './site.schemas.ts'

type SiteFields = Omit<SiteBody, 'customerId'>

export function toSite(row: SiteRow): Site {
  return withoutNulls({
    id: row.id,
    customerId: row.customer_id,
    siteName: row.site_name,
    siteReference: row.site_reference,
    startDate: row.start_date,
    endDate: row.end_date,
    siteAddress: row.site_address,
    siteInvoiceDetails: row.site_invoice_details,
    siteIdReceivingInvoice: row.site_id_receiving_invoice,
    contacts: row.contacts,
    repaymentPlanAmount: row.repayment_plan_amount === null ? null : Number(row.repayment_plan_amount),
    repaymentPlanRemainingPeriods: row.repayment_plan_remaining_periods,
    createdDate: row.created_date.toISOString(),
    updatedDate: row.updated_date.toISOString(),
  }) as Site
}

export function siteValues(site: SiteFields, customerId: number, contractOwnerId: number): SiteValues {
  return {
    customer_id: customerId,
    contract_owner_id: contractOwnerId,
    site_name: site.siteName,
    site_reference: site.siteReference,
    start_date: site.startDate,
    end_date: site.endDate ?? null,
    site_address: site.siteAddress,
    site_invoice_details: site.siteInvoiceDetails ?? null,
    site_id_receiving_invoice: site.siteIdReceivingInvoice ?? null,
    // jsonb takes JSON text: pg would send a JS array as a PostgreSQL array.
    contacts: JSON.stringify(site.contacts) as never,
    repayment_plan_amount: site.repaymentPlanAmount ?? null,
    repayment_plan_remaining_periods: site.repaymentPlanRemainingPeriods ?? null,
  }
}

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

async function checkSite(trx: TenantTransaction, actor: Actor, body: SiteBody, current: SiteRow | undefined): Promise<void> {
  assertValid(siteRuleErrors(body, ''))
  const references = new ReferenceErrors()
  if (current === undefined) {
    // A customer outside the actor's scope is reported like one that does not exist.
    const owner = await customerOwner(trx, body.customerId)
    references.expect(owner !== undefined && canSee(actor, owner), 'customerId', `customer ${body.customerId} does not exist`)
  }
  const receiving = body.siteIdReceivingInvoice
  if (receiving !== undefined) {
    // Only a site with its own invoice details can receive others': no chains, no cycles.
    const receiver = receiving === current?.id ? undefined : await invoiceReceiver(trx, receiving)
    const valid = receiver?.customerId === body.customerId && receiver.receivesInvoices
    references.expect(valid, 'siteIdReceivingInvoice', `must be another site of customer ${body.customerId} that has its own siteInvoiceDetails`)
  }
  references.throwIfAny()
}

export const siteDefinition: ResourceDefinition<SiteRow, Site, SiteBody> = {
  noun: 'Site',
  list: siteList,
  readOnly: READ_ONLY,
  body: SiteBody,
  toResource: toSite,
  scope: (actor) => scopeConditions(actor, 'contract_owner_id'),
  ...sites,
  insert: async (trx, body) => sites.insert(trx, siteValues(body, body.customerId, (await customerOwner(trx, body.customerId))!)),
  update: (trx, id, body, version) =>
    trx
      .selectFrom('sites')
      .select('contract_owner_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
      .then((row) => sites.update(trx, id, siteValues(body, body.customerId, row.contract_owner_id), version)),
  check: checkSite,
  conflicts: (body) => ({ sites_reference_key: { field: 'siteReference', value: body.siteReference } }),
}

/** Sites: a customer's physical locations (Customer and Sites API). */
export class SiteService extends ResourceService<SiteRow, Site, SiteBody> {
  constructor(db: Database) {
    super(db, siteDefinition)
  }
}
