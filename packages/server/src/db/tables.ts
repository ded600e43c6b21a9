import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn, ReadOnlyTimestamp } from './columns.ts'

/**
 * Table types as PostgreSQL stores them (snake_case). API shapes live in each module's schemas;
 * services map between the two explicitly.
 */

export interface BrandsTable {
  id: Generated<number>
  name: string
  created_date: ColumnType<Date, never, never>
}

export interface SigningKeysTable {
  kid: string
  secret: Buffer
  created_date: ColumnType<Date, never, never>
}

export interface RolesTable {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  permissions: string[]
}

export interface UsersTable {
  brand_id: BrandColumn
  id: Generated<number>
  username: string
  password_hash: string
  first_name: string
  last_name: string
  email: string
  enabled: ColumnType<boolean, boolean | undefined, boolean>
  contract_owner_id: number | null
  created_date: ReadOnlyTimestamp
  updated_date: ColumnType<Date, never, Date>
  /** Bumped by triggers on any change to the user or its roles' permissions. */
  auth_version: ColumnType<number, never, never>
}

export interface UserRoleAssignmentsTable {
  brand_id: BrandColumn
  user_id: number
  role_id: number
}

export interface LoginFailuresTable {
  key_hash: Buffer
  failures: number
  window_started: Date
}

/** Stored outcomes of creates sent with an Idempotency-Key (src/idempotency/); system pool only. */
export interface IdempotencyKeysTable {
  brand_id: number
  user_id: number
  idempotency_key: string
  /** SHA-256 of the request's method, path and canonical body. */
  fingerprint: Buffer
  /** Which claim owns the row: only its holder completes or releases it. */
  claim_token: string
  /** The X-Request-Id of the request whose outcome is stored. */
  request_id: string
  /** Null while the first request is still running. */
  status: number | null
  response_headers: Record<string, string> | null
  response_body: string | null
  created_date: ColumnType<Date, Date | string | undefined, Date | string>
  completed_date: Date | null
}

/**
 * The database, by table. Core tables are declared here; each module declares its own tables in
 * its folder (`*.table.ts`) by augmenting this interface, so adding a module edits no shared file.
 */
export interface Tables {
  brands: BrandsTable
  signing_keys: SigningKeysTable
  roles: RolesTable
  users: UsersTable
  user_role_assignments: UserRoleAssignmentsTable
  login_failures: LoginFailuresTable
  idempotency_keys: IdempotencyKeysTable
}

/** Tables whose rows belong to a brand and are confined to it by row-level security. */
export type TenantTable = { [K in keyof Tables]: Tables[K] extends { brand_id: BrandColumn } ? K : never }[keyof Tables]
