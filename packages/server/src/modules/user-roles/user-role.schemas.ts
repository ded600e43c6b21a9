import { Type, type Static } from 'typebox'
import { Id } from '../../http/schemas.ts'
import { listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { PERMISSIONS } from '../../auth/permissions.ts'

export const UserRole = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    permissions: Type.Array(Type.String({ enum: [...PERMISSIONS] }), {
      description: 'What the role allows, per module (an addition to the published schema)',
    }),
  },
  { additionalProperties: false },
)
export type UserRole = Static<typeof UserRole>

export const userRoleList: ListSpec = {
  fields: Object.keys(UserRole.properties),
  columns: {
    id: { column: 'id', sortable: true },
    name: { column: 'name', filter: 'string', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListUserRolesQuery = listQuerySchema(userRoleList)
export const UserRoleParams = Type.Object({ userRoleId: Id })
