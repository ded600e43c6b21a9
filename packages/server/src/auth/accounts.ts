import type { Kysely } from 'kysely'
import type { Tables } from '../db/tables.ts'
import { hashPassword } from './passwords.ts'
import type { SeededRole } from './permissions.ts'

/**
 * Provisioning of brands and their users, run as the system (no brand is current yet): at first
 * start, and by tests that need a second brand or a restricted user.
 */

/** Creates a brand with its seeded roles (from the modules' declarations); returns its id. */
export async function createBrand(db: Kysely<Tables>, name: string, roles: readonly SeededRole[]): Promise<number> {
  const brand = await db.insertInto('brands').values({ name }).returning('id').executeTakeFirstOrThrow()
  await db
    .insertInto('roles')
    .values(roles.map((role) => ({ brand_id: brand.id, name: role.name, permissions: [...role.permissions] })))
    .execute()
  return brand.id
}

export interface NewUser {
  brandId: number
  username: string
  password: string
  /** Names of the brand's roles to assign. */
  roles: readonly string[]
  enabled?: boolean
  contractOwnerId?: number | null
  firstName?: string
  lastName?: string
  email?: string
}

/** Creates a user with a hashed password and the named roles; returns its id. */
export async function createUser(db: Kysely<Tables>, user: NewUser): Promise<number> {
  const passwordHash = await hashPassword(user.password)
  return db.isTransaction
    ? insertUser(db, user, passwordHash)
    : db.transaction().execute((trx) => insertUser(trx, user, passwordHash))
}

async function insertUser(trx: Kysely<Tables>, user: NewUser, passwordHash: string): Promise<number> {
  const { id } = await trx
    .insertInto('users')
    .values({
      brand_id: user.brandId,
      username: user.username,
      password_hash: passwordHash,
      first_name: user.firstName ?? user.username,
      last_name: user.lastName ?? 'User',
      email: user.email ?? `${user.username}@example.invalid`,
      enabled: user.enabled ?? true,
      contract_owner_id: user.contractOwnerId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (user.roles.length === 0) return id
  const roles = await trx
    .selectFrom('roles')
    .select('id')
    .where('brand_id', '=', user.brandId)
    .where('name', 'in', user.roles)
    .execute()
  if (roles.length !== user.roles.length) throw new Error(`Unknown role among ${user.roles.join(', ')}`)
  await trx
    .insertInto('user_role_assignments')
    .values(roles.map((role) => ({ brand_id: user.brandId, user_id: id, role_id: role.id })))
    .execute()
  return id
}
