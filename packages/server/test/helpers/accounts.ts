import type { Kysely } from 'kysely'
import { createBrand as createBrandWithRoles } from '../../src/auth/accounts.ts'
import type { Tables } from '../../src/db/tables.ts'
import { seededRoles } from '../../src/modules/index.ts'

export { createUser } from '../../src/auth/accounts.ts'

/** A brand with the roles every new brand starts with, as the first start makes one. */
export function createBrand(db: Kysely<Tables>, name: string): Promise<number> {
  return createBrandWithRoles(db, name, seededRoles())
}
