import { idsAmong } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { electronicSummaryTemplateResource } from './electronic-summary-template.fields.ts'
import './electronic-summary-template.table.ts'

export const electronicSummaryTemplates = resourceTable('electronic_summary_templates', electronicSummaryTemplateResource, { unique: { electronic_summary_templates_name_key: 'name' } })

/** Which of `ids` are electronic summary templates of the brand (one query). */
export const electronicSummaryTemplatesAmong = (ids: readonly number[]) => idsAmong('electronic_summary_templates', ids)
