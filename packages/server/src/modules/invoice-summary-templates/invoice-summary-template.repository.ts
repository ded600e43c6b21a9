import { idsAmong } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { invoiceSummaryTemplateResource } from './invoice-summary-template.fields.ts'
import './invoice-summary-template.table.ts'

export const invoiceSummaryTemplates = resourceTable('invoice_summary_templates', invoiceSummaryTemplateResource, { unique: { invoice_summary_templates_name_key: 'name' } })

/** Which of `ids` are invoice summary templates of the brand (one query). */
export const invoiceSummaryTemplatesAmong = (ids: readonly number[]) => idsAmong('invoice_summary_templates', ids)
