import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUpOne } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { invoiceTemplates } from './invoice-template.repository.ts'

export { invoiceTemplatesAmong } from './invoice-template.repository.ts'

/** Invoice templates: brand-wide configuration, each offered to some contract owners (or all). */
export function invoiceTemplateUseCases(db: Database) {
  return crudUseCases(
    db,
    invoiceTemplates,
    brandWideRules('Invoice templates', async (trx, _actor, template) => {
      const owners = template.contractOwnerIds ?? []
      if (owners.length === 0) return // offered to every contract owner: nothing to look up
      const references = new ReferenceErrors()
      expectIds(owners, await lookUpOne(trx, contractOwnersAmong(owners)), references, 'contractOwnerIds', 'contract owner')
      references.throwIfAny()
    }),
  )
}
