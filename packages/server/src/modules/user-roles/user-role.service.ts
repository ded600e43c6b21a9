import type { Database } from '../../db/database.ts'
import { readUseCases } from '../../resources/crud.ts'
import { roles } from './user-role.repository.ts'

/** User roles: the brand's roles, the same for every user of it. */
export function userRoleUseCases(db: Database) {
  return readUseCases(db, roles, () => [])
}
