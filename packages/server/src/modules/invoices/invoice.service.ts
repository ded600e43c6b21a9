import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantReader } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import { readUseCases, visibleRecord } from '../../resources/crud.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { recordEmails } from '../email-status/index.ts'
import { invoicePdf, invoiceSummaryPdf } from './invoice.pdf.ts'
import { invoiceParties, invoices, type InvoiceParties } from './invoice.repository.ts'

const scope = (actor: Actor) => scopeConditions(actor, 'contract_owner_id')

/** The invoice and its parties, or 404 (outside the brand or the actor's contract owner). */
async function invoiceWithParties(reader: TenantReader, actor: Actor, id: number) {
  const { resource: invoice } = await visibleRecord(reader, invoices, scope(actor), id)
  const parties = await invoiceParties(reader, invoice)
  // The foreign keys keep the customer, site and contract owner of every invoice.
  if (parties === undefined) throw new Error(`invoice ${id}: its customer, site or contract owner is missing`)
  return { invoice, parties }
}

/**
 * Invoices: read-only through the API (bill runs write them with invoice.writer.ts), confined to
 * the actor's contract owner; their documents are made on request from the stored invoice.
 */
export function invoiceUseCases(db: Database, clock: () => Date = () => new Date()) {
  const document = (make: (invoice: Parameters<typeof invoicePdf>[0], parties: InvoiceParties) => Promise<Buffer>) => (actor: Actor, id: number) =>
    db.readTenant(actor.brandId, async (reader) => {
      const { invoice, parties } = await invoiceWithParties(reader, actor, id)
      return make(invoice, parties)
    })
  return {
    ...readUseCases(db, invoices, scope),
    pdf: document(invoicePdf),
    summaryPdf: document(invoiceSummaryPdf),
    /**
     * Emails a final invoice again to the contacts of the site that receives it: one entry per
     * recipient in the email-status list (no mail server is involved: docs/modules/invoices.md).
     */
    resend: (actor: Actor, id: number) =>
      db.withTenant(actor.brandId, async (trx) => {
        const { invoice, parties } = await invoiceWithParties(trx, actor, id)
        if (invoice.invoiceStatus !== 'FINAL') {
          throw new AppError('invalid_transition', { message: `Invoice ${id} is a draft: only final invoices are emailed (the bill run finalises them)` })
        }
        const at = clock()
        const ids = await recordEmails(
          trx,
          parties.emails.map((recipientEmail) => ({
            contractOwnerId: invoice.contractOwnerId,
            invoiceId: invoice.id,
            recipientEmail,
            status: 'SENT' as const,
            message: `Invoice ${invoice.invoiceNumber} sent again`,
            billRunType: invoice.billRunType,
            billRunId: invoice.billRunId,
            at,
          })),
        )
        return ids.map((emailId, index) => ({ id: emailId, recipientEmail: parties.emails[index]! }))
      }),
  }
}
