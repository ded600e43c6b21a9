import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { StringEnum, Text } from '../../resources/schemas.ts'

/**
 * An email template's fields (elevate-api.md §4, "a named template of text and substituted values
 * that is used to send emails"; no published schema): its name, subject and body, and the
 * substitutions they use, read from the text by the server.
 */
export const emailTemplateFields = {
  id: idField(),
  name: field(Text(100, { description: 'The template’s name, unique within the brand', examples: ['Invoice ready'] }), { column: 'name', filter: 'string', sortable: true }),
  subject: field(Text(255, { description: 'Subject line; may use substitutions', examples: ['Invoice {{invoiceNumber}} is ready'] })),
  body: field(Type.String({ minLength: 1, maxLength: 100_000, description: 'The email’s text; substitutions are written {{name}}', examples: ['Dear {{customerName}},\nyour invoice is attached.'] })),
  contentType: field(StringEnum(['text/plain', 'text/html'] as const, { description: 'How the body is sent (absent on create: text/plain)' }), { default: 'text/plain' }),
  substitutions: field(Type.Array(Type.String(), { description: 'The substituted values the subject and body use, in order of first appearance' }), {
    column: 'substitutions',
    access: 'read-only',
  }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const emailTemplateResource = describeResource(emailTemplateFields, { noun: 'Email template' })
