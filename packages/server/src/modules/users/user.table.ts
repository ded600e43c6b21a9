import type { ColumnType } from 'kysely'

// The columns the users API added (migration 2026_12_04_1000) to the core `users` table.
declare module '../../db/tables.ts' {
  interface UsersTable {
    telephone_number: string | null
    mobile_number: string | null
    version: ColumnType<number, never, number>
    /** Bumped by triggers on a password change, a change of roles or a disabling: ends older tokens. */
    session_version: ColumnType<number, never, never>
  }
}
