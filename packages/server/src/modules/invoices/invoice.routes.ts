import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idParams } from '../../http/routes/crud-routes.ts'
import { getRoute } from '../../http/routes/item-routes.ts'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import type { Operation } from '../../http/routes/operation.ts'
import { actionRoute } from '../../http/routes/write-routes.ts'
import { errorResponses } from '../../http/schemas.ts'
import { Id } from '../../resources/schemas.ts'
import { invoiceResource } from './invoice.fields.ts'
import type { invoiceUseCases } from './invoice.service.ts'

const collection = '/v1/invoices'
const item = `${collection}/:invoiceId`
const params = idParams('invoiceId')
const read = { tag: 'invoices', sdkType: 'Invoice', permission: 'invoices:read' } as const
const PDF = 'application/pdf'

const ResentEmail = Type.Object(
  { id: Type.Integer({ ...Id, description: 'The email-status entry (GET /v1/email-status)' }), recipientEmail: Type.String({ description: 'Recipient email address' }) },
  { additionalProperties: false },
)

type InvoiceUseCases = ReturnType<typeof invoiceUseCases>

/**
 * A document of one invoice (`application/pdf`): the Accept header must admit PDF (406 otherwise,
 * in JSON). Not an SDK method: the SDK reads JSON answers only (docs/modules/invoices.md).
 */
function pdfRoute(app: FastifyInstance, route: Omit<Operation, 'tag' | 'permission' | 'sdkType'> & { handler: InvoiceUseCases['pdf'] }): void {
  app.get(
    route.path,
    {
      config: { auth: 'bearer', permission: read.permission, produces: [PDF] },
      schema: {
        tags: [read.tag],
        operationId: route.operationId,
        summary: route.summary,
        description: 'Answers application/pdf: the Accept header must admit it (406 otherwise).',
        params,
        response: { 200: { description: 'The PDF', content: { [PDF]: { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses([404]) },
      },
    },
    async (request, reply) => {
      const { invoiceId } = request.params as { invoiceId: number }
      const pdf = await route.handler(request.actor, invoiceId)
      return reply.type(PDF).header('content-disposition', `inline; filename="invoice-${invoiceId}.pdf"`).send(pdf)
    },
  )
}

/** The Invoices API's invoices: list, exists, get, the two PDFs and resend. */
export function invoiceRoutes(app: FastifyInstance, invoices: InvoiceUseCases): void {
  const { list, schema } = invoiceResource
  listRoute(app, { ...read, path: collection, operationId: 'getInvoices', summary: 'Get a list of invoices', list, item: schema, head: false, handler: invoices.list })
  existsRoute(app, { ...read, path: collection, operationId: 'checkInvoices', summary: 'Check whether any invoice matches the filters (200 or 404)', list, handler: invoices.exists })
  getRoute(app, { ...read, path: item, params, operationId: 'getInvoice', summary: 'Get an invoice with its lines', response: schema, etag: false, handler: (actor, { invoiceId }) => invoices.get(actor, invoiceId) })
  pdfRoute(app, { path: `${item}/pdf`, operationId: 'getInvoicePdf', summary: 'Get the invoice PDF', handler: invoices.pdf })
  pdfRoute(app, { path: `${item}/summary-pdf`, operationId: 'getInvoiceSummaryPdf', summary: 'Get the invoice summary PDF', handler: invoices.summaryPdf })
  actionRoute(app, {
    ...read,
    permission: 'invoices:write',
    path: `${item}/resend`,
    params,
    sdkMethod: 'resend',
    operationId: 'resendInvoice',
    summary: 'Resend customer invoice email',
    description: 'Emails a final invoice again to the contacts of the site that receives it; each email is listed by GET /v1/email-status.',
    response: { status: 200, schema: Type.Array(ResentEmail) },
    errors: [404, 409],
    handler: (actor, { params: { invoiceId } }) => invoices.resend(actor, invoiceId),
  })
}
