import { resourceTable } from '../../resources/table.ts'
import { emailTemplateResource } from './email-template.fields.ts'
import './email-template.table.ts'

export const emailTemplates = resourceTable('email_templates', emailTemplateResource, { unique: { email_templates_name_key: 'name' } })
