import { idsAmong } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { invoiceSummaryTemplateComponentResource } from './invoice-summary-template-component.fields.ts'
import './invoice-summary-template-component.table.ts'

export const invoiceSummaryTemplateComponents = resourceTable('invoice_summary_template_components', invoiceSummaryTemplateComponentResource, { unique: { invoice_summary_template_components_name_key: 'name' } })

/** Which of `ids` are invoice summary template components of the brand (one query). */
export const invoiceSummaryTemplateComponentsAmong = (ids: readonly number[]) => idsAmong('invoice_summary_template_components', ids)
