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

/** Columns every updatable tenant resource has. */
interface Versioned {
  version: ColumnType<number, never, number>
  created_date: ReadOnlyTimestamp
  updated_date: ColumnType<Date, never, Date>
}

export interface ContractOwnersTable extends Versioned {
  brand_id: BrandColumn
  id: Generated<number>
  name: string
  available_from: string
  available_to: string | null
  details: Record<string, unknown>
}

export interface ContractOwnerSubBrandsTable extends Versioned {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  name: string
  account_number_format: string
  next_account_number: ColumnType<number, never, number>
  details: Record<string, unknown>
}

export interface BillingCyclesTable extends Versioned {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  name: string
  details: Record<string, unknown>
}

export interface CustomersTable extends Versioned {
  brand_id: BrandColumn
  id: Generated<number>
  contract_owner_id: number
  contract_owner_sub_brand_id: number
  billing_cycle_id: number
  customer_type: string
  customer_name: string
  customer_account_number: string
  start_date: string
  end_date: string | null
}

export interface SitesTable extends Versioned {
  brand_id: BrandColumn
  id: Generated<number>
  customer_id: number
  contract_owner_id: number
  site_name: string
  site_reference: string
  start_date: string
  end_date: string | null
  site_address: Record<string, unknown>
  site_invoice_details: Record<string, unknown> | null
  site_id_receiving_invoice: number | null
  contacts: Array<Record<string, unknown>>
  /** numeric: pg returns it as a string, to keep every digit. */
  repayment_plan_amount: string | number | null
  repayment_plan_remaining_periods: number | null
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

export interface Tables {
  brands: BrandsTable
  signing_keys: SigningKeysTable
  roles: RolesTable
  users: UsersTable
  user_role_assignments: UserRoleAssignmentsTable
  login_failures: LoginFailuresTable
  contract_owners: ContractOwnersTable
  contract_owner_sub_brands: ContractOwnerSubBrandsTable
  billing_cycles: BillingCyclesTable
  customers: CustomersTable
  sites: SitesTable
  idempotency_keys: IdempotencyKeysTable
}
