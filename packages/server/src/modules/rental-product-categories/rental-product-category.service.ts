import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { AppError, assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases, notFound, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUp } from '../../resources/lookups.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { patchStored } from '../../resources/versioned.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { supplierAccountsAmong } from '../suppliers/index.ts'
import type { rentalProductCategoryFields } from './rental-product-category.fields.ts'
import { rentalProductCategories } from './rental-product-category.repository.ts'

export { rentalProductCategoriesAmong, rentalProductCategoryLookup } from './rental-product-category.repository.ts'

const PLURAL = 'Rental product categories'

/** The rules of a write: the end not before the start; the contract owners and supplier accounts exist (all reported at once). */
async function check(trx: TenantTransaction, category: DocumentOf<typeof rentalProductCategoryFields>): Promise<void> {
  assertValid(dateOrderErrors(category.startDate, category.endDate, 'endDate', 'startDate'))
  const accounts = category.supplierAccountIds ?? []
  // Both lists in one statement (contract owners are required: at least one).
  const found = await lookUp(trx, { owners: contractOwnersAmong(category.contractOwnerIds), accounts: supplierAccountsAmong(accounts) })
  const references = new ReferenceErrors()
  expectIds(category.contractOwnerIds, found.owners, references, 'contractOwnerIds', 'contract owner')
  expectIds(accounts, found.accounts, references, 'supplierAccountIds', 'supplier account')
  references.throwIfAny()
}

/** 409 `protected_record`: a category maintained by SI is not changed through the API. */
export function siMaintainedError(what: string): AppError {
  return new AppError('protected_record', { message: `${what} is maintained by SI and cannot be changed through the API` })
}

/**
 * Rental product categories: brand-wide reference data. The contract owners and supplier accounts
 * named must exist (400 `invalid_reference`, all at once); the end date is not before the start.
 * A category maintained by SI answers 409 `protected_record` to PATCH and DELETE.
 */
export function rentalProductCategoryUseCases(db: Database) {
  const crud = crudUseCases(
    db,
    rentalProductCategories,
    brandWideRules(PLURAL, (trx, _actor, category) => check(trx, category)),
  )
  return {
    ...crud,
    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        assertBrandWideWriter(actor, PLURAL)
        const current = await visibleRecord(trx, rentalProductCategories, [], id, true)
        if (current.resource.siMaintained) throw siMaintainedError(`Rental product category ${id}`)
        return patchStored(rentalProductCategories.description, current, patch, async (document) => {
          await check(trx, document)
          return rentalProductCategories.update(trx, current, document)
        })
      }),
    remove: (actor: Actor, id: number, ifMatch?: readonly number[]) =>
      db.withTenant(actor.brandId, async (trx) => {
        assertBrandWideWriter(actor, PLURAL)
        const current = await visibleRecord(trx, rentalProductCategories, [], id, true)
        if (current.resource.siMaintained) throw siMaintainedError(`Rental product category ${id}`)
        if (!(await rentalProductCategories.remove(trx, id, [], ifMatch))) throw notFound(rentalProductCategories.description.noun, id)
      }),
  }
}
