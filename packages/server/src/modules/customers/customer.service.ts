import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid, type FieldError } from '../../errors.ts'
import { asConflict } from '../../resources/conflicts.ts'
import { dateOrderErrors, withoutNulls } from '../../resources/dates.ts'
import { checkContractOwner } from '../../resources/owned.ts'
import { ResourceService, type ResourceDefinition } from '../../resources/resource-service.ts'
import { scopeConditions } from '../../resources/scope.ts'
import type { Versioned } from '../../resources/versioned.ts'
import { billingCycleOwner } from '../billing-cycles/index.ts'
import { defaultSubBrand, nextAccountNumber, subBrandOwner } from '../contract-owner-sub-brands/index.ts'
import { contractOwnerExists } from '../contract-owners/index.ts'
import { insertSites, moveSites, siteRuleErrors, siteValues, toSite } from '../sites/index.ts'
import { accountNumberTaken, customers, type CustomerRow, type CustomerValues } from './customer.repository.ts'
import { CustomerBody, customerList, READ_ONLY, type CreateCustomerBody, type CreatedCustomer, type Customer } from './customer.schemas.ts'

function toCustomer(row: CustomerRow): Customer {
  return withoutNulls({
    id: row.id,
    contractOwnerId: row.contract_owner_id,
    contractOwnerSubBrandId: row.contract_owner_sub_brand_id,
    billingCycleId: row.billing_cycle_id,
    customerType: row.customer_type,
    customerName: row.customer_name,
    customerAccountNumber: row.customer_account_number,
    startDate: row.start_date,
    endDate: row.end_date,
    createdDate: row.created_date.toISOString(),
    updatedDate: row.updated_date.toISOString(),
  }) as Customer
}

/** Only called once `check` has resolved the sub-brand and the account number. */
function toValues(body: CustomerBody): CustomerValues {
  return {
    contract_owner_id: body.contractOwnerId,
    contract_owner_sub_brand_id: body.contractOwnerSubBrandId!,
    billing_cycle_id: body.billingCycleId,
    customer_type: body.customerType,
    customer_name: body.customerName,
    customer_account_number: body.customerAccountNumber!,
    start_date: body.startDate,
    end_date: body.endDate ?? null,
  }
}

/**
 * The rules of a customer, in the contract's order: dates (400), the contract owner in scope (403)
 * and existing, then the billing cycle and sub-brand existing for that owner (400, all at once).
 * Fills in the default sub-brand and a generated account number.
 */
async function checkCustomer(trx: TenantTransaction, actor: Actor, body: CustomerBody): Promise<void> {
  assertValid(dateOrderErrors(body.startDate, body.endDate, 'endDate', 'startDate'))
  const owner = body.contractOwnerId
  const references = await checkContractOwner(trx, actor, owner, contractOwnerExists)
  const cycleOwner = await billingCycleOwner(trx, body.billingCycleId)
  // One message whether the cycle is missing or another owner's: scope must not reveal existence.
  references.expect(cycleOwner === owner, 'billingCycleId', `billing cycle ${body.billingCycleId} is not one of contract owner ${owner}'s`)
  if (body.contractOwnerSubBrandId === undefined) {
    body.contractOwnerSubBrandId = await defaultSubBrand(trx, owner)
    references.expect(body.contractOwnerSubBrandId !== undefined, 'contractOwnerSubBrandId', `contract owner ${owner} has no sub-brand to default to`)
  } else {
    const subBrandOwnerId = await subBrandOwner(trx, body.contractOwnerSubBrandId)
    references.expect(subBrandOwnerId === owner, 'contractOwnerSubBrandId', `sub-brand ${body.contractOwnerSubBrandId} is not one of contract owner ${owner}'s`)
  }
  references.throwIfAny()
  body.customerAccountNumber ??= await freeAccountNumber(trx, body.contractOwnerSubBrandId!)
}

/** The sub-brand's next account number that no customer has taken by hand. */
async function freeAccountNumber(trx: TenantTransaction, subBrandId: number): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = await nextAccountNumber(trx, subBrandId)
    if (!(await accountNumberTaken(trx, candidate))) return candidate
  }
  throw new Error(`sub-brand ${subBrandId}: no free account number in 1000 draws`)
}

export const customerDefinition: ResourceDefinition<CustomerRow, Customer, CustomerBody> = {
  noun: 'Customer',
  list: customerList,
  readOnly: READ_ONLY,
  body: CustomerBody,
  toResource: toCustomer,
  scope: (actor) => scopeConditions(actor, 'contract_owner_id'),
  ...customers,
  insert: (trx, body) => customers.insert(trx, toValues(body)),
  async update(trx, id, body, version) {
    const row = await customers.update(trx, id, toValues(body), version)
    await moveSites(trx, id, row.contract_owner_id)
    return row
  },
  async check(trx, actor, body, current) {
    // Defaults are for creates: an update may not drop the sub-brand or the account number.
    if (current !== undefined) {
      assertValid(
        (['contractOwnerSubBrandId', 'customerAccountNumber'] as const)
          .filter((field) => body[field] === undefined)
          .map((field) => ({ field, code: 'required', message: 'is required' })),
      )
    }
    await checkCustomer(trx, actor, body)
  },
  conflicts: (body) => ({ customers_account_number_key: { field: 'customerAccountNumber', value: body.customerAccountNumber } }),
}

/** Customers (Customer and Sites API); a customer is created together with its first sites. */
export class CustomerService extends ResourceService<CustomerRow, Customer, CustomerBody> {
  constructor(db: Database) {
    super(db, customerDefinition)
  }

  /** Creates the customer and its sites in one transaction: all of it, or nothing. */
  override async create(actor: Actor, body: CreateCustomerBody): Promise<Versioned<CreatedCustomer>> {
    const { sites, ...customer } = body
    return this.db
      .withTenant(actor.brandId, async (trx) => {
        assertValid(sites.flatMap((site, i) => newSiteErrors(site, i)))
        assertUniqueReferences(sites)
        await checkCustomer(trx, actor, customer)
        const row = await customers.insert(trx, toValues(customer))
        const siteRows = await insertSites(trx, sites.map((site) => siteValues(site, row.id, row.contract_owner_id)))
        return { resource: { ...toCustomer(row), sites: siteRows.map(toSite) }, version: row.version }
      })
      .catch((error: unknown) => Promise.reject(asConflict(error, customerDefinition.conflicts(customer))))
  }
}

function newSiteErrors(site: CreateCustomerBody['sites'][number], index: number): FieldError[] {
  const errors = siteRuleErrors(site, `sites[${index}].`)
  if (site.siteIdReceivingInvoice !== undefined) {
    errors.push({ field: `sites[${index}].siteIdReceivingInvoice`, code: 'invalid_value', message: 'cannot point at a site before the customer exists: set it later with PATCH /v1/sites/{siteId}' })
  }
  return errors
}

/** Two sites of one new customer with one reference: the second already exists (409). */
function assertUniqueReferences(sites: CreateCustomerBody['sites']): void {
  const seen = new Set<string>()
  sites.forEach((site, index) => {
    if (seen.has(site.siteReference)) {
      throw asConflict(
        { code: '23505', constraint: 'sites_reference_key' },
        { sites_reference_key: { field: `sites[${index}].siteReference`, value: site.siteReference } },
      )
    }
    seen.add(site.siteReference)
  })
}
