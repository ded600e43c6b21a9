import type { Static } from 'typebox'
import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { AppError, assertValid, type FieldError } from '../../errors.ts'
import { asConflict } from '../../resources/conflicts.ts'
import { readUseCases, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import { lookUp } from '../../resources/lookups.ts'
import { expectContractOwner } from '../../resources/owned.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertWritableBy, scopeConditions } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { patchStored } from '../../resources/versioned.ts'
import { billingCycleOwnerLookup } from '../billing-cycles/index.ts'
import { defaultSubBrandLookup, nextAccountNumber, subBrandOwnerLookup } from '../contract-owner-sub-brands/index.ts'
import { contractOwnerLookup } from '../contract-owners/index.ts'
import type { CreateCustomerBody, customerFields } from './customer.fields.ts'
import { customers } from './customer.repository.ts'
import { moveSites, sites } from './site.repository.ts'
import { siteRuleErrors } from './site.service.ts'

type CustomerDocument = DocumentOf<typeof customerFields>
type NewSite = Static<typeof CreateCustomerBody>['sites'][number]

const scope = (actor: Actor) => scopeConditions(actor, 'contract_owner_id')

/**
 * The rules of a customer, in the contract's order: dates (400), the contract owner in scope (403),
 * then the owner, the billing cycle and the sub-brand existing for that owner (400, all at once,
 * looked up in one statement). Fills in the default sub-brand on a create; an update must keep the
 * sub-brand and the account number.
 */
async function checkCustomer(trx: TenantTransaction, actor: Actor, customer: CustomerDocument, isCreate: boolean): Promise<void> {
  if (!isCreate) {
    const dropped = (['contractOwnerSubBrandId', 'customerAccountNumber'] as const).filter((field) => customer[field] === undefined)
    assertValid(dropped.map((field) => ({ field, code: 'required', message: 'is required' })))
  }
  assertValid(dateOrderErrors(customer.startDate, customer.endDate, 'endDate', 'startDate'))
  const owner = customer.contractOwnerId
  assertWritableBy(actor, owner)
  const subBrandId = customer.contractOwnerSubBrandId
  const found = await lookUp(trx, {
    owner: contractOwnerLookup(owner),
    cycleOwner: billingCycleOwnerLookup(customer.billingCycleId),
    subBrand: subBrandId === undefined ? defaultSubBrandLookup(owner) : subBrandOwnerLookup(subBrandId),
  })
  const references = expectContractOwner(new ReferenceErrors(), owner, found.owner !== undefined)
  // One message whether the cycle is missing or another owner's: scope must not reveal existence.
  references.expect(found.cycleOwner === owner, 'billingCycleId', `billing cycle ${customer.billingCycleId} is not one of contract owner ${owner}'s`)
  if (subBrandId === undefined) {
    customer.contractOwnerSubBrandId = found.subBrand
    references.expect(found.subBrand !== undefined, 'contractOwnerSubBrandId', `contract owner ${owner} has no sub-brand to default to`)
  } else {
    references.expect(found.subBrand === owner, 'contractOwnerSubBrandId', `sub-brand ${subBrandId} is not one of contract owner ${owner}'s`)
  }
  references.throwIfAny()
}

function subBrandGone(subBrandId: number): AppError {
  const message = `sub-brand ${subBrandId} does not exist`
  return new AppError('invalid_reference', { message: `Invalid reference in field 'contractOwnerSubBrandId': ${message}`, errors: [{ field: 'contractOwnerSubBrandId', code: 'invalid_reference', message }] })
}

/**
 * Inserts the customer with the account number given, or with the sub-brand's next number that no
 * customer has taken by hand: a taken number is skipped by the insert itself, without a read.
 */
async function insertCustomer(trx: TenantTransaction, customer: CustomerDocument): Promise<Stored<ResourceOf<typeof customerFields>>> {
  if (customer.customerAccountNumber !== undefined) return customers.insert(trx, customer)
  const subBrandId = customer.contractOwnerSubBrandId!
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = await nextAccountNumber(trx, subBrandId)
    // Undefined: deleted since checkCustomer read it (the delete committed first).
    if (candidate === undefined) throw subBrandGone(subBrandId)
    const saved = await customers.insertUnlessTaken(trx, { ...customer, customerAccountNumber: candidate })
    if (saved !== undefined) return saved
  }
  throw new Error(`sub-brand ${subBrandId}: no free account number in 1000 draws`)
}

function newSiteErrors(site: NewSite, index: number): FieldError[] {
  const errors = siteRuleErrors(site, `sites[${index}].`)
  if (site.siteIdReceivingInvoice !== undefined) {
    errors.push({ field: `sites[${index}].siteIdReceivingInvoice`, code: 'invalid_value', message: 'cannot point at a site before the customer exists: set it later with PATCH /v1/sites/{siteId}' })
  }
  return errors
}

/** Two sites of one new customer with one reference: the second already exists (409). */
function assertUniqueReferences(newSites: readonly NewSite[]): void {
  const seen = new Set<string>()
  newSites.forEach((site, index) => {
    if (seen.has(site.siteReference)) {
      throw asConflict({ code: '23505', constraint: 'sites_reference_key' }, { sites_reference_key: { field: `sites[${index}].siteReference`, value: site.siteReference } })
    }
    seen.add(site.siteReference)
  })
}

/** Customers (Customer and Sites API); a customer is created together with its first sites. */
export function customerUseCases(db: Database) {
  return {
    ...readUseCases(db, customers, scope),

    /** Creates the customer and its sites in one transaction: all of it, or nothing. */
    create: (actor: Actor, body: Static<typeof CreateCustomerBody>) =>
      db.withTenant(actor.brandId, async (trx) => {
        const { sites: newSites, ...customer } = body
        assertValid(newSites.flatMap((site, i) => newSiteErrors(site, i)))
        assertUniqueReferences(newSites)
        await checkCustomer(trx, actor, customer, true)
        const saved = await insertCustomer(trx, customer)
        const extra = { customer_id: saved.resource.id, contract_owner_id: customer.contractOwnerId }
        const savedSites = await sites.insertMany(trx, newSites.map((site) => ({ ...site, customerId: saved.resource.id })), extra)
        return { resource: { ...saved.resource, sites: savedSites.map((site) => site.resource) }, version: saved.version }
      }),

    /** A customer that moves to another contract owner takes its sites along. */
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visibleRecord(trx, customers, scope(actor), id, true)
        return patchStored(customers.description, current, patch, async (customer) => {
          await checkCustomer(trx, actor, customer, false)
          const saved = await customers.update(trx, current, customer)
          await moveSites(trx, id, customer.contractOwnerId)
          return saved
        })
      }),
  }
}

export { customerOwnerLookup, customerScopeConditions } from './customer.repository.ts'
export { siteCustomerLookup, siteOwnerLookup } from './site.repository.ts'
