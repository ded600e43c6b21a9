import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'

/** A user role (elevate-api.md §2.4): read-only here, seeded per brand. */
export const userRoleFields = {
  id: idField(),
  name: field(Type.String({ minLength: 1, maxLength: 50 }), { column: 'name', filter: 'string', sortable: true, access: 'read-only' }),
  permissions: field(
    Type.Array(Type.String({ pattern: '^[a-z][a-z-]*:(read|write)$', examples: ['customers:read'] }), {
      description: 'What the role allows, per module and access (an addition to the published schema)',
    }),
    { column: 'permissions', access: 'read-only' },
  ),
}

export const userRoleResource = describeResource(userRoleFields, { noun: 'User role', versioned: false })
