import { Type } from 'typebox'
import { MIN_PASSWORD_LENGTH } from '../../auth/password-policy.ts'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { readIds } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Email, Id, Text } from '../../resources/schemas.ts'


/**
 * A user (elevate-api.md §2.3, createUser and getUsers): a person with access to the brand. The
 * published page has no password; ours is write-only (docs/modules/users.md), checked by the
 * policy of `auth/password-policy.ts`, stored as an argon2id hash, never answered.
 */
export const userFields = {
  id: idField(),
  username: field(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-zA-Z0-9\\p{L}@.\\-_]+$' }), {
    column: 'username',
    filter: 'string',
    sortable: true,
    access: 'create-only',
  }),
  firstName: field(Text(50, { examples: ['Bob'] }), { column: 'first_name', filter: 'string', sortable: true }),
  lastName: field(Text(50, { examples: ['Smith'] }), { column: 'last_name', filter: 'string', sortable: true }),
  email: field(Email, { column: 'email', filter: 'string', sortable: true }),
  telephoneNumber: field(Text(100), { column: 'telephone_number', optional: true }),
  mobileNumber: field(Text(30), { column: 'mobile_number', optional: true }),
  contractOwnerId: field(Type.Integer({ ...Id, description: 'Restricts the user to this contract owner’s data; absent: the whole brand' }), {
    column: 'contract_owner_id',
    optional: true,
    sortable: true,
  }),
  enabled: field(Type.Boolean({ description: 'A disabled user cannot log in, and its tokens stop working at once' }), {
    column: 'enabled',
    filter: 'boolean',
    sortable: true,
    default: true,
  }),
  userRoles: field(Type.Array(Id, { uniqueItems: true, maxItems: 100, description: 'The ids of the user’s roles (GET /v1/user-roles)' }), {
    column: 'role_ids',
    read: readIds,
  }),
  password: field(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 100, writeOnly: true, description: 'Write-only: at least 12 characters, not the username, not a common password' }), {
    access: 'write-only',
    optional: true,
  }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const userResource = describeResource(userFields, {
  noun: 'User',
  // Published: the contract owner is filtered by name.
  filters: { contractOwner: { column: 'contract_owner_name', filter: 'string' } },
})
