import type { Database, TenantTransaction } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { electronicSummaryTemplatesAmong } from '../electronic-summary-templates/index.ts'
import { invoiceSummaryTemplateComponentsAmong, invoiceSummaryTemplatesAmong } from '../invoice-summary-templates/index.ts'
import { invoiceTemplatesAmong } from '../invoice-templates/index.ts'
import type { invoiceDocumentProfileFields } from './invoice-document-profile.fields.ts'
import { invoiceDocumentProfiles } from './invoice-document-profile.repository.ts'

type Profile = DocumentOf<typeof invoiceDocumentProfileFields>

/** Every record the profile names exists in the brand: one 400 naming all that do not. */
async function checkReferences(trx: TenantTransaction, profile: Profile): Promise<void> {
  const references = new ReferenceErrors()
  const single = (id: number | undefined) => (id === undefined ? undefined : [id])
  await expectIds([profile.invoiceTemplateId], (ids) => invoiceTemplatesAmong(trx, ids), references, 'invoiceTemplateId', 'invoice template')
  await expectIds(single(profile.invoiceSummaryTemplateId), (ids) => invoiceSummaryTemplatesAmong(trx, ids), references, 'invoiceSummaryTemplateId', 'invoice summary template')
  await expectIds(profile.invoiceSummaryTemplateComponentIds, (ids) => invoiceSummaryTemplateComponentsAmong(trx, ids), references, 'invoiceSummaryTemplateComponentIds', 'invoice summary template component')
  await expectIds(profile.electronicSummaryTemplateIds, (ids) => electronicSummaryTemplatesAmong(trx, ids), references, 'electronicSummaryTemplateIds', 'electronic summary template')
  await expectIds(profile.contractOwnerIds, (ids) => contractOwnersAmong(trx, ids), references, 'contractOwnerIds', 'contract owner')
  references.throwIfAny()
}

/** Invoice document profiles: brand-wide bundles of document templates that new sites copy. */
export function invoiceDocumentProfileUseCases(db: Database) {
  return crudUseCases(
    db,
    invoiceDocumentProfiles,
    brandWideRules('Invoice document profiles', (trx, _actor, profile) => checkReferences(trx, profile)),
  )
}
