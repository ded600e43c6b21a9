import type { ColumnType, Generated } from 'kysely'

/**
 * Table types as PostgreSQL stores them (snake_case). API shapes live in each module's schemas;
 * services map between the two explicitly.
 */
type ReadOnlyTimestamp = ColumnType<Date, never, never>
/** Filled by the database from the transaction's brand (`elevate_current_brand()`). */
type BrandColumn = ColumnType<number, number | undefined, never>

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

export interface Tables {
  brands: BrandsTable
  signing_keys: SigningKeysTable
  roles: RolesTable
  users: UsersTable
  user_role_assignments: UserRoleAssignmentsTable
  login_failures: LoginFailuresTable
}
