import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, isoText, timestampField } from '../../resources/common-fields.ts'
import { readIds } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { DateTimeString, Id, Text } from '../../resources/schemas.ts'

const lastAuthentication = (column: string, description: string) =>
  field(Type.String({ ...DateTimeString, description }), { column, access: 'read-only', optional: true, read: isoText })

/** An app client (elevate-api.md §2.5): machine access with a client id and a secret. */
export const appClientFields = {
  id: idField(),
  contractOwnerId: field(Type.Integer({ ...Id, description: 'The contract owner it is restricted to: its creator’s' }), { column: 'contract_owner_id', access: 'read-only', optional: true }),
  name: field(Text(100, { examples: ['Nightly export'] }), { column: 'name', filter: 'string', sortable: true }),
  description: field(Text(255, { examples: ['Copies invoices to the data warehouse'] }), { column: 'description', optional: true }),
  appClientId: field(Type.String({ description: 'The client id to authenticate with (OAuth 2.0 client_id)', examples: ['4f9c2b1e8d7a6c5b4a3f2e1d0c9b8a7f'] }), { column: 'client_id', access: 'read-only', sortable: true }),
  lastSuccessfulAuthentication: lastAuthentication('last_successful_authentication', 'When it last obtained a token'),
  lastFailedAuthentication: lastAuthentication('last_failed_authentication', 'When a request for a token with its id last failed'),
  userRoles: field(Type.Array(Id, { uniqueItems: true, maxItems: 100, description: 'The ids of its roles (GET /v1/user-roles): what its tokens may do' }), { column: 'role_ids', read: readIds }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const appClientResource = describeResource(appClientFields, { noun: 'App client' })

/** What a create and a secret rotation answer: the app client and its secret, shown this once. */
export const AppClientWithSecret = Type.Object(
  { ...appClientResource.schema.properties, clientSecret: Type.String({ description: 'Shown once: only its hash is kept. Store it now.' }) },
  { additionalProperties: false },
)
