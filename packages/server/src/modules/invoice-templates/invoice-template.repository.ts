import { idsAmong } from '../../resources/id-lists.ts'
import { resourceTable } from '../../resources/table.ts'
import { invoiceTemplateResource } from './invoice-template.fields.ts'
import './invoice-template.table.ts'

export const invoiceTemplates = resourceTable('invoice_templates', invoiceTemplateResource, { unique: { invoice_templates_name_key: 'name' } })

/** Which of `ids` are invoice templates of the brand (one query). */
export const invoiceTemplatesAmong = (ids: readonly number[]) => idsAmong('invoice_templates', ids)
