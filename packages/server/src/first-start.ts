import { sql, type Kysely, type Transaction } from 'kysely'
import { createBrand, createUser } from './auth/accounts.ts'
import { generatePassword } from './auth/passwords.ts'
import type { Config } from './config.ts'
import { TENANT_ROLE } from './db/database.ts'
import type { Tables } from './db/tables.ts'
import { MODULES, seededRoles } from './modules/index.ts'

export interface FirstStart {
  brand: string
  username: string
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | undefined
}

// Any constant works: it only has to be the same for every instance that might start at once.
const FIRST_START_LOCK = 4_242_001

/**
 * On the very first start (no brand exists yet) creates the default brand, its roles and an
 * administrator. Several instances starting together create them once.
 */
export async function runFirstStart(db: Kysely<Tables>, admin: Config['admin']): Promise<FirstStart | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx)
    const existing = await trx.selectFrom('brands').select('id').limit(1).executeTakeFirst()
    if (existing !== undefined) return undefined
    const password = admin.password ?? generatePassword()
    await seedBrand(trx, { brand: admin.brand, username: admin.username, password })
    return { brand: admin.brand, username: admin.username, generatedPassword: admin.password === undefined ? password : undefined }
  })
}

/**
 * Creates a brand with its seeded roles, an administrator and each module's seed data, in the
 * caller's transaction (the first start, `elevate-api create-brand`); returns the brand's id.
 */
export async function seedBrand(trx: Transaction<Tables>, admin: { brand: string; username: string; password: string }): Promise<number> {
  const brandId = await createBrand(trx, admin.brand, seededRoles())
  await createUser(trx, {
    brandId,
    username: admin.username,
    password: admin.password,
    roles: ['Administrator'],
    firstName: 'Administrator',
    lastName: admin.brand,
    email: `${admin.username}@example.invalid`,
  })
  // The modules' seeds run as the tenant role in the new brand, inside this transaction: they see
  // and write only that brand, and all of it is made, or nothing.
  await sql`select set_config('elevate.brand_id', ${String(brandId)}, true)`.execute(trx)
  await sql`set local role ${sql.id(TENANT_ROLE)}`.execute(trx)
  for (const module of MODULES) await module.seed?.(trx)
  await sql`reset role`.execute(trx)
  return brandId
}
