import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'

const text = (description: string, examples: string[]) => Type.String({ description, examples })

/** A security event (elevate-api.md §5.4, findEvents): read-only, written by the server. */
export const eventFields = {
  id: idField(),
  timestamp: timestampField('created_date', 'sort'),
  category: field(text('What the event is about', ['authentication']), { column: 'category', filter: 'string', sortable: true, access: 'read-only' }),
  action: field(text('What happened', ['user-login-success']), { column: 'action', filter: 'string', sortable: true, access: 'read-only' }),
  description: field(text('One sentence', ['User bob.smith has logged in']), { column: 'description', access: 'read-only' }),
  username: field(text('The user or app client the event is about', ['bob.smith']), { column: 'username', sortable: true, access: 'read-only', optional: true }),
  ipAddress: field(text('The client address of the request, when there was one', ['12.34.56.78']), { column: 'ip_address', access: 'read-only', optional: true }),
}

const bound = (operator: '>=' | '<=') => ({ column: 'created_date', filter: 'datetime', operator, required: true }) as const

export const eventResource = describeResource(eventFields, {
  noun: 'Event',
  versioned: false,
  // Published as required: the window of the list, at most 31 days long.
  filters: { createdFrom: bound('>='), createdTo: bound('<=') },
})
