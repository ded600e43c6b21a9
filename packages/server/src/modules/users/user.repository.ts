import { sql, type Kysely } from 'kysely'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { applyList, whereConditions } from '../../lists/apply.ts'
import type { Condition } from '../../lists/filters.ts'
import { project, type ListRequest } from '../../lists/list-query.ts'
import { asConflict } from '../../resources/conflicts.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import type { Row } from '../../resources/resource.ts'
import type { Page, Stored } from '../../resources/table.ts'
import { userResource, type userFields } from './user.fields.ts'
import './user.table.ts'

export type User = ResourceOf<typeof userFields>
export type UserDocument = DocumentOf<typeof userFields>

const COLUMNS = ['id', 'username', 'first_name', 'last_name', 'email', 'telephone_number', 'mobile_number', 'contract_owner_id', 'enabled', 'version', 'created_date', 'updated_date'] as const

/**
 * A user as the API sees it: its row, its role ids (a join table) and its contract owner's name
 * (the published `contractOwner` filter), as one derived table so that the list conventions can
 * filter and sort on plain names. One query per read; row-level security confines it to the brand.
 */
function users(db: TenantReader) {
  return (db as unknown as Kysely<any>).selectFrom((eb) =>
    eb
      .selectFrom('users as u')
      .select(COLUMNS.map((column) => `u.${column}`))
      .select(sql`coalesce((select array_agg(a.role_id order by a.role_id) from user_role_assignments a where a.brand_id = u.brand_id and a.user_id = u.id), '{}')`.as('role_ids'))
      .select(sql`(select co.name from contract_owners co where co.brand_id = u.brand_id and co.id = u.contract_owner_id)`.as('contract_owner_name'))
      .where('u.app_client', '=', false) // app clients' service users are managed at /v1/app-clients
      .as('users'),
  )
}

const stored = (row: Row): Stored<User> => ({ resource: userResource.toApi(row), version: Number(row.version), row })
const UNIQUE = { users_username_key: 'username' }

export async function pageUsers(db: TenantReader, list: ListRequest, scope: readonly Condition[]): Promise<Page<Partial<User>>> {
  const rows = await applyList(whereConditions(users(db).selectAll(), [...scope, ...list.conditions]), list).execute()
  const items = rows.slice(0, list.pageSize).map((row) => userResource.toApi(row as Row))
  return { page: list.page, items: project(items, list.fields), hasNext: rows.length > list.pageSize }
}

export async function userExists(db: TenantReader, conditions: readonly Condition[]): Promise<boolean> {
  return (await whereConditions(users(db).select('id'), conditions).limit(1).executeTakeFirst()) !== undefined
}

export async function findUser(db: TenantReader, id: number, scope: readonly Condition[]): Promise<Stored<User> | undefined> {
  const row = await whereConditions(users(db).selectAll(), scope).where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : stored(row as Row)
}

/** Locks the user's row for an update (FOR UPDATE), within the caller's scope. */
export async function lockUser(trx: TenantTransaction, id: number, scope: readonly Condition[]): Promise<boolean> {
  const query = whereConditions((trx as unknown as Kysely<any>).selectFrom('users').select('id'), scope).where('id', '=', id).where('app_client', '=', false).forUpdate()
  return (await query.executeTakeFirst()) !== undefined
}

/** The columns of the user row a document sets (role ids live in the join table). */
function columnsOf(document: UserDocument): Row {
  const { role_ids: _roles, ...columns } = userResource.toRow(document)
  return columns
}

export async function insertUser(trx: TenantTransaction, document: UserDocument, passwordHash: string): Promise<number> {
  try {
    const row = await (trx as unknown as Kysely<any>)
      .insertInto('users')
      .values({ ...columnsOf(document), password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
    await assignRoles(trx, Number(row.id), document.userRoles, [])
    return Number(row.id)
  } catch (error) {
    throw asConflict(error, { users_username_key: { field: UNIQUE.users_username_key, value: document.username } })
  }
}

/** Writes the document (and a new password hash when given), bumping the version (the ETag). */
export async function updateUser(trx: TenantTransaction, current: Stored<User>, document: UserDocument, passwordHash: string | undefined): Promise<void> {
  await (trx as unknown as Kysely<any>)
    .updateTable('users')
    .set({ ...columnsOf(document), ...(passwordHash === undefined ? {} : { password_hash: passwordHash }), version: (current.version ?? 0) + 1, updated_date: new Date() })
    .where('id', '=', current.resource.id)
    .execute()
  await assignRoles(trx, current.resource.id, document.userRoles, current.resource.userRoles)
}

/** Adds and removes assignments so the user holds exactly `roles` (triggers end its sessions). */
async function assignRoles(trx: TenantTransaction, userId: number, roles: readonly number[], before: readonly number[]): Promise<void> {
  const added = roles.filter((id) => !before.includes(id))
  const removed = before.filter((id) => !roles.includes(id))
  if (removed.length > 0) await trx.deleteFrom('user_role_assignments').where('user_id', '=', userId).where('role_id', 'in', removed).execute()
  if (added.length > 0) await trx.insertInto('user_role_assignments').values(added.map((roleId) => ({ user_id: userId, role_id: roleId }))).execute()
}

/** Which of these role ids exist in the brand. */
export async function existingRoles(trx: TenantTransaction, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await trx.selectFrom('roles').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((row) => Number(row.id)))
}

/** Re-reads a user after a write, in the same transaction. */
export async function reloadUser(trx: TenantTransaction, id: number): Promise<Stored<User>> {
  const found = await findUser(trx, id, [])
  if (found === undefined) throw new Error(`user ${id} vanished inside its own transaction`)
  return found
}

/** The permission that makes a user an administrator: it can give the brand's access back. */
const ADMINISTRATION = 'users:write'

/** An administrator: an enabled person (not an app client) of the whole brand holding a role allowing ADMINISTRATION. */
const isAdministrator = sql`u.enabled and not u.app_client and u.contract_owner_id is null and exists (
  select 1 from user_role_assignments a join roles r on r.brand_id = a.brand_id and r.id = a.role_id
   where a.brand_id = u.brand_id and a.user_id = u.id and ${ADMINISTRATION} = any(r.permissions))`

/**
 * Serialises the writes that may take a brand's administrators away (one brand's, not others'),
 * until the transaction ends; what `administratorsBeside` reads after it is then current.
 */
export async function lockAdministrators(trx: TenantTransaction, brandId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`elevate:administrators:${brandId}`}))`.execute(trx)
}

/**
 * Whether the user is an administrator, whether another is, and whether these roles would keep
 * one an administrator: in one statement, taken after `lockAdministrators`.
 */
export async function administratorsBeside(trx: TenantTransaction, userId: number, roles: readonly number[]): Promise<{ is: boolean; others: boolean; rolesAdminister: boolean }> {
  const { rows } = await sql<{ is: boolean; others: boolean; roles_administer: boolean }>`
    select exists (select 1 from users u where u.id = ${userId} and ${isAdministrator}) as is,
           exists (select 1 from users u where u.id <> ${userId} and ${isAdministrator}) as others,
           exists (select 1 from roles r where r.id = any(${[...roles]}::bigint[]) and ${ADMINISTRATION} = any(r.permissions)) as roles_administer`.execute(trx)
  const row = rows[0]!
  return { is: row.is, others: row.others, rolesAdminister: row.roles_administer }
}
