import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { chargeGroupCategoryFields, chargeGroupFields } from './charge-group.fields.ts'
import { categoryExists, chargeGroupCategories, chargeGroups } from './charge-group.repository.ts'

/** Charge group categories: brand-wide; one with charge groups is not deleted (409 `in_use`). */
export function chargeGroupCategoryUseCases(db: Database) {
  return crudUseCases(
    db,
    chargeGroupCategories,
    brandWideRules('Charge group categories', async (_trx: TenantTransaction, _actor: Actor, category: DocumentOf<typeof chargeGroupCategoryFields>) => {
      assertValid(dateOrderErrors(category.startDate, category.endDate, 'endDate', 'startDate'))
    }),
  )
}

/**
 * Charge groups: brand-wide; the category must exist (400 `invalid_reference`), and so must the tax
 * band, which the database checks (a band of another module, reached by its foreign key only).
 */
export function chargeGroupUseCases(db: Database) {
  return crudUseCases(
    db,
    chargeGroups,
    brandWideRules('Charge groups', async (trx: TenantTransaction, _actor: Actor, group: DocumentOf<typeof chargeGroupFields>) => {
      assertValid(dateOrderErrors(group.startDate, group.endDate, 'endDate', 'startDate'))
      const references = new ReferenceErrors()
      references.expect(await categoryExists(trx, group.chargeGroupCategoryId), 'chargeGroupCategoryId', `charge group category ${group.chargeGroupCategoryId} does not exist`)
      references.throwIfAny()
    }),
  )
}
export { chargeGroupCategoriesAmong, chargeGroupsAmong } from './charge-group.repository.ts'

export { chargeGroupLookup } from './charge-group.repository.ts'
