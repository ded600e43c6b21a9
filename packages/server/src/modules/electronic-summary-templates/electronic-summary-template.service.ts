import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { electronicSummaryTemplates } from './electronic-summary-template.repository.ts'

export { electronicSummaryTemplatesAmong } from './electronic-summary-template.repository.ts'

/** Electronic summary templates: brand-wide configuration, each offered to some contract owners (or all). */
export function electronicSummaryTemplateUseCases(db: Database) {
  return crudUseCases(
    db,
    electronicSummaryTemplates,
    brandWideRules('Electronic summary templates', async (trx, _actor, template) => {
      const owners = template.contractOwnerIds ?? []
      if (owners.length === 0) return // offered to every contract owner: nothing to look up
      const references = new ReferenceErrors()
      expectIds(owners, await lookUpOne(trx, contractOwnersAmong(owners)), references, 'contractOwnerIds', 'contract owner')
      references.throwIfAny()
    }),
  )
}
