import type { TenantTransaction } from '../../db/database.ts'
import { resourceTable } from '../../resources/table.ts'
import { emailStatusResource } from './email-status.fields.ts'
import './email-status.table.ts'

export const emailStatuses = resourceTable('email_notifications', emailStatusResource)

/** An email just handed over (or not) for sending, to one recipient. */
export interface EmailRecord {
  contractOwnerId: number
  invoiceId?: number
  recipientEmail: string
  status: 'SENT' | 'ERROR' | 'ACKNOWLEDGED'
  message?: string
  billRunType?: 'NORMAL' | 'ADHOC'
  billRunId?: number
  at: Date
}

/** Records emails in the list, in one statement; answers their ids in the order given. */
export async function insertEmailRecords(trx: TenantTransaction, records: readonly EmailRecord[]): Promise<number[]> {
  if (records.length === 0) return []
  const rows = await trx
    .insertInto('email_notifications')
    .values(
      records.map((record) => ({
        contract_owner_id: record.contractOwnerId,
        invoice_id: record.invoiceId ?? null,
        recipient_email: record.recipientEmail,
        status: record.status,
        message: record.message ?? null,
        bill_run_type: record.billRunType ?? null,
        bill_run_id: record.billRunId ?? null,
        created_date_time: record.at,
        updated_date_time: record.at,
      })),
    )
    .returning('id')
    .execute()
  return rows.map((row) => Number(row.id))
}
