import { sql, type Kysely } from 'kysely'
import type {} from '../../auth/app-client-table.ts'
import type { TenantReader, TenantTransaction } from '../../db/database.ts'
import { applyList, whereConditions } from '../../lists/apply.ts'
import type { Condition } from '../../lists/filters.ts'
import { project, type ListRequest } from '../../lists/list-query.ts'
import { asConflict } from '../../resources/conflicts.ts'
import type { DocumentOf, ResourceOf } from '../../resources/fields.ts'
import type { Row } from '../../resources/resource.ts'
import type { Page, Stored } from '../../resources/table.ts'
import { appClientResource, type appClientFields } from './app-client.fields.ts'

export type AppClient = ResourceOf<typeof appClientFields>
export type AppClientDocument = DocumentOf<typeof appClientFields>
export type StoredClient = Stored<AppClient> & { userId: number }

/** An app client with what its service user holds (contract owner, roles), as one derived table. */
function clients(db: TenantReader) {
  return (db as unknown as Kysely<any>).selectFrom((eb) =>
    eb
      .selectFrom('app_clients as c')
      .innerJoin('users as u', (join) => join.onRef('u.brand_id', '=', 'c.brand_id').onRef('u.id', '=', 'c.user_id'))
      .select(['c.id', 'c.user_id', 'c.name', 'c.description', 'c.client_id', 'c.last_successful_authentication', 'c.last_failed_authentication', 'c.version', 'c.created_date', 'c.updated_date', 'u.contract_owner_id'])
      .select(sql`coalesce((select array_agg(a.role_id order by a.role_id) from user_role_assignments a where a.brand_id = c.brand_id and a.user_id = c.user_id), '{}')`.as('role_ids'))
      .as('clients'),
  )
}

const stored = (row: Row): StoredClient => ({ resource: appClientResource.toApi(row), version: Number(row.version), row, userId: Number(row.user_id) })
const conflict = (error: unknown, name: string) => asConflict(error, { app_clients_name_key: { field: 'name', value: name } })

export async function pageClients(db: TenantReader, list: ListRequest, scope: readonly Condition[]): Promise<Page<Partial<AppClient>>> {
  const rows = await applyList(whereConditions(clients(db).selectAll(), [...scope, ...list.conditions]), list).execute()
  const items = rows.slice(0, list.pageSize).map((row) => appClientResource.toApi(row as Row))
  return { page: list.page, items: project(items, list.fields), hasNext: rows.length > list.pageSize }
}

export async function findClient(db: TenantReader, id: number, scope: readonly Condition[], lock = false): Promise<StoredClient | undefined> {
  if (lock) {
    const locked = await (db as unknown as Kysely<any>).selectFrom('app_clients').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    if (locked === undefined) return undefined
  }
  const row = await whereConditions(clients(db).selectAll(), scope).where('id', '=', id).executeTakeFirst()
  return row === undefined ? undefined : stored(row as Row)
}

export interface NewClient {
  document: AppClientDocument
  clientId: string
  secretHash: string
  contractOwnerId: number | null
}

/** The service user (holding the secret's hash, roles and scope), then the app client: one transaction. */
export async function insertClient(trx: TenantTransaction, client: NewClient): Promise<number> {
  const { id: userId } = await trx
    .insertInto('users')
    .values({
      username: `app-client:${client.clientId}`,
      password_hash: client.secretHash,
      first_name: 'App client',
      last_name: client.clientId,
      email: 'app-client@example.invalid',
      contract_owner_id: client.contractOwnerId,
      app_client: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  try {
    const { id } = await trx
      .insertInto('app_clients')
      .values({ user_id: userId, client_id: client.clientId, name: client.document.name, description: client.document.description ?? null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await assignRoles(trx, userId, client.document.userRoles, [])
    return id
  } catch (error) {
    throw conflict(error, client.document.name)
  }
}

export async function updateClient(trx: TenantTransaction, current: StoredClient, document: AppClientDocument): Promise<void> {
  try {
    await trx
      .updateTable('app_clients')
      .set({ name: document.name, description: document.description ?? null, version: (current.version ?? 0) + 1, updated_date: new Date() })
      .where('id', '=', current.resource.id)
      .execute()
  } catch (error) {
    throw conflict(error, document.name)
  }
  await assignRoles(trx, current.userId, document.userRoles, current.resource.userRoles)
}

/** A new secret: the service user's hash changes, which ends the tokens issued before (trigger). */
export async function replaceSecret(trx: TenantTransaction, current: StoredClient, secretHash: string): Promise<void> {
  await trx.updateTable('users').set({ password_hash: secretHash }).where('id', '=', current.userId).execute()
  await trx.updateTable('app_clients').set({ version: (current.version ?? 0) + 1, updated_date: new Date() }).where('id', '=', current.resource.id).execute()
}

/** The app client, its service user and that user's roles; its tokens then name no one (401). */
export async function removeClient(trx: TenantTransaction, current: StoredClient): Promise<void> {
  await trx.deleteFrom('app_clients').where('id', '=', current.resource.id).execute()
  await trx.deleteFrom('user_role_assignments').where('user_id', '=', current.userId).execute()
  await trx.deleteFrom('users').where('id', '=', current.userId).execute()
}

async function assignRoles(trx: TenantTransaction, userId: number, roles: readonly number[], before: readonly number[]): Promise<void> {
  const added = roles.filter((id) => !before.includes(id))
  const removed = before.filter((id) => !roles.includes(id))
  if (removed.length > 0) await trx.deleteFrom('user_role_assignments').where('user_id', '=', userId).where('role_id', 'in', removed).execute()
  if (added.length > 0) await trx.insertInto('user_role_assignments').values(added.map((roleId) => ({ user_id: userId, role_id: roleId }))).execute()
}
