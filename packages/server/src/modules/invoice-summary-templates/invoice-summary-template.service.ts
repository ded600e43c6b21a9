import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { invoiceSummaryTemplates } from './invoice-summary-template.repository.ts'

export { invoiceSummaryTemplatesAmong } from './invoice-summary-template.repository.ts'

/** Invoice summary templates: brand-wide configuration, each offered to some contract owners (or all). */
export function invoiceSummaryTemplateUseCases(db: Database) {
  return crudUseCases(
    db,
    invoiceSummaryTemplates,
    brandWideRules('Invoice summary templates', async (trx, _actor, template) => {
      const references = new ReferenceErrors()
      await expectIds(template.contractOwnerIds, (ids) => contractOwnersAmong(trx, ids), references, 'contractOwnerIds', 'contract owner')
      references.throwIfAny()
    }),
  )
}
