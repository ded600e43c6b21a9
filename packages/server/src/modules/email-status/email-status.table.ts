import type { Generated } from 'kysely'
import type { BrandColumn } from '../../db/columns.ts'

/** The `email_notifications` table: one row per email sent to one recipient. */
export interface EmailNotificationsTable {
  brand_id: BrandColumn
  id: Generated<number>
  /** The contract owner the email was sent for: what a restricted user's scope reads. */
  contract_owner_id: number
  invoice_id: number | null
  recipient_email: string
  status: string
  message: string | null
  bounce_type: string | null
  bill_run_type: string | null
  bill_run_id: number | null
  created_date_time: Date
  updated_date_time: Date
}

declare module '../../db/tables.ts' {
  interface Tables {
    email_notifications: EmailNotificationsTable
  }
}
