import type { Transport } from '../request.ts'
import type { ListUserRolesQuery, UserRole } from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * User roles (`/v1/user-roles`): read-only, seeded per brand.
 * @example for await (const role of client.userRoles.listAll({ name: 'like:admin' })) console.log(role.name)
 */
export function userRoles(transport: Transport) {
  const { list, get, listAll } = resourceMethods<UserRole, ListUserRolesQuery>(transport, '/v1/user-roles')
  return { list, get, listAll }
}

/** The `client.userRoles` methods: `list`, `get` and `listAll`. */
export type UserRoles = ReturnType<typeof userRoles>
