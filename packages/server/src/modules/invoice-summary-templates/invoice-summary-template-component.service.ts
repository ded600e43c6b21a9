import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { invoiceSummaryTemplateComponents } from './invoice-summary-template-component.repository.ts'

export { invoiceSummaryTemplateComponentsAmong } from './invoice-summary-template-component.repository.ts'

/** Invoice summary template components: brand-wide configuration, each offered to some contract owners (or all). */
export function invoiceSummaryTemplateComponentUseCases(db: Database) {
  return crudUseCases(
    db,
    invoiceSummaryTemplateComponents,
    brandWideRules('Invoice summary template components', async (trx, _actor, template) => {
      const references = new ReferenceErrors()
      await expectIds(template.contractOwnerIds, (ids) => contractOwnersAmong(trx, ids), references, 'contractOwnerIds', 'contract owner')
      references.throwIfAny()
    }),
  )
}
