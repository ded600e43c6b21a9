import type { Database, TenantTransaction } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { expectIds } from '../../resources/id-lists.ts'
import { lookUp } from '../../resources/lookups.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnersAmong } from '../contract-owners/index.ts'
import { electronicSummaryTemplatesAmong } from '../electronic-summary-templates/index.ts'
import { invoiceSummaryTemplateComponentsAmong, invoiceSummaryTemplatesAmong } from '../invoice-summary-templates/index.ts'
import { invoiceTemplatesAmong } from '../invoice-templates/index.ts'
import type { invoiceDocumentProfileFields } from './invoice-document-profile.fields.ts'
import { invoiceDocumentProfiles } from './invoice-document-profile.repository.ts'

type Profile = DocumentOf<typeof invoiceDocumentProfileFields>

/** Every record the profile names exists in the brand, asked in one statement: one 400 naming all that do not. */
async function checkReferences(trx: TenantTransaction, profile: Profile): Promise<void> {
  const summary = profile.invoiceSummaryTemplateId === undefined ? [] : [profile.invoiceSummaryTemplateId]
  const found = await lookUp(trx, {
    invoiceTemplate: invoiceTemplatesAmong([profile.invoiceTemplateId]),
    summaryTemplate: invoiceSummaryTemplatesAmong(summary),
    components: invoiceSummaryTemplateComponentsAmong(profile.invoiceSummaryTemplateComponentIds ?? []),
    electronic: electronicSummaryTemplatesAmong(profile.electronicSummaryTemplateIds ?? []),
    owners: contractOwnersAmong(profile.contractOwnerIds ?? []),
  })
  const references = new ReferenceErrors()
  expectIds([profile.invoiceTemplateId], found.invoiceTemplate, references, 'invoiceTemplateId', 'invoice template')
  expectIds(summary, found.summaryTemplate, references, 'invoiceSummaryTemplateId', 'invoice summary template')
  expectIds(profile.invoiceSummaryTemplateComponentIds, found.components, references, 'invoiceSummaryTemplateComponentIds', 'invoice summary template component')
  expectIds(profile.electronicSummaryTemplateIds, found.electronic, references, 'electronicSummaryTemplateIds', 'electronic summary template')
  expectIds(profile.contractOwnerIds, found.owners, references, 'contractOwnerIds', 'contract owner')
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
