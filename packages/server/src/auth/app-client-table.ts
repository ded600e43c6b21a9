import type { ColumnType, Generated } from 'kysely'
import type { BrandColumn } from '../db/columns.ts'

/** The app clients table (migration 2026_12_04_1020): written by the app-clients module, read at login. */
export interface AppClientsTable {
  brand_id: BrandColumn
  id: Generated<number>
  /** The service user it acts as: its secret's hash, roles, contract owner and session version. */
  user_id: number
  client_id: string
  name: string
  description: string | null
  last_successful_authentication: Date | null
  last_failed_authentication: Date | null
  version: ColumnType<number, never, number>
  created_date: ColumnType<Date, never, never>
  updated_date: ColumnType<Date, never, Date>
}

declare module '../db/tables.ts' {
  interface Tables {
    app_clients: AppClientsTable
  }
  interface UsersTable {
    /** A service user of an app client: not listed by /v1/users, refused by password login. */
    app_client: ColumnType<boolean, boolean | undefined, never>
  }
}
