import { sql, type Kysely } from 'kysely'
import { createUser } from '../auth/accounts.ts'
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../auth/password-policy.ts'
import { generatePassword, hashPassword } from '../auth/passwords.ts'
import type { Tables } from '../db/tables.ts'
import { seedBrand } from '../first-start.ts'
import { SEEDED_ROLE_NAMES } from '../modules/index.ts'
import { newUserFieldErrors } from '../modules/users/index.ts'
import { UsageError } from './failures.ts'

/** What a command made, printed for the operator; a generated password is shown this once. */
export interface Credentials {
  brand: string
  username: string
  password: string
  generated: boolean
}

const PASSWORD_LENGTH = { min: MIN_PASSWORD_LENGTH, max: 100 }

/** A password given on the command line passes the users API's policy; none given, one is generated. */
function passwordOrGenerated(password: string | undefined, username: string): { password: string; generated: boolean } {
  if (password === undefined) return { password: generatePassword(), generated: true }
  if (password.length < PASSWORD_LENGTH.min || password.length > PASSWORD_LENGTH.max) {
    throw new UsageError(`--password must be ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters long`)
  }
  const [problem] = passwordProblems(password, username)
  if (problem !== undefined) throw new UsageError(`--password ${problem.message}`)
  return { password, generated: false }
}

async function brandId(db: Kysely<Tables>, brand: string): Promise<number> {
  const row = await db.selectFrom('brands').select('id').where('name', '=', brand).executeTakeFirst()
  if (row === undefined) throw new UsageError(`no brand named '${brand}' (create it with: elevate-api create-brand ${brand})`)
  return row.id
}

/** `create-brand`: a brand with the seeded roles, an administrator and the modules' seed data. */
export async function createBrandCommand(db: Kysely<Tables>, input: { brand: string; username: string; password?: string }): Promise<Credentials> {
  if (input.brand.length < 1 || input.brand.length > 100) throw new UsageError('the brand name must be 1 to 100 characters long')
  const { password, generated } = passwordOrGenerated(input.password, input.username)
  await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('brands').select('id').where('name', '=', input.brand).executeTakeFirst()
    if (taken !== undefined) throw new UsageError(`a brand named '${input.brand}' already exists`)
    await seedBrand(trx, { brand: input.brand, username: input.username, password })
  })
  return { brand: input.brand, username: input.username, password, generated }
}

/** `create-user`: a user of a brand with some of its roles. */
export async function createUserCommand(
  db: Kysely<Tables>,
  input: { brand: string; username: string; password?: string; roles: string[]; firstName?: string; lastName?: string; email?: string },
): Promise<Credentials> {
  const names = { username: input.username, firstName: input.firstName ?? input.username, lastName: input.lastName ?? 'User', email: input.email ?? `${input.username}@example.invalid` }
  const problems = newUserFieldErrors(names)
  if (problems.length > 0) throw new UsageError(`the user would not be valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`)
  const id = await brandId(db, input.brand)
  const { password, generated } = passwordOrGenerated(input.password, input.username)
  const known = await db.selectFrom('roles').select('name').where('brand_id', '=', id).execute()
  const unknown = input.roles.filter((role) => !known.some((k) => k.name === role))
  if (unknown.length > 0) throw new UsageError(`brand '${input.brand}' has no role ${unknown.map((r) => `'${r}'`).join(', ')} (it has: ${known.map((k) => k.name).join(', ')})`)
  const taken = await db.selectFrom('users').select('id').where('brand_id', '=', id).where('username', '=', input.username).executeTakeFirst()
  if (taken !== undefined) throw new UsageError(`brand '${input.brand}' already has a user '${input.username}' (reset-password changes a password)`)
  await createUser(db, {
    brandId: id,
    username: input.username,
    password,
    roles: input.roles.length > 0 ? input.roles : [SEEDED_ROLE_NAMES[2]],
    firstName: names.firstName,
    lastName: names.lastName,
    email: names.email,
  })
  return { brand: input.brand, username: input.username, password, generated }
}

/**
 * `reset-password`: a new password; a disabled user stays disabled. Tokens issued before it stay
 * valid until they expire (ELEVATE_TOKEN_TTL_SECONDS): to cut a user off at once, disable them.
 */
export async function resetPasswordCommand(db: Kysely<Tables>, input: { brand: string; username: string; password?: string }): Promise<Credentials> {
  const id = await brandId(db, input.brand)
  const { password, generated } = passwordOrGenerated(input.password, input.username)
  const hash = await hashPassword(password)
  const updated = await db.updateTable('users').set({ password_hash: hash, updated_date: sql<Date>`now()` }).where('brand_id', '=', id).where('username', '=', input.username).executeTakeFirst()
  if (updated.numUpdatedRows === 0n) throw new UsageError(`brand '${input.brand}' has no user '${input.username}'`)
  return { brand: input.brand, username: input.username, password, generated }
}
