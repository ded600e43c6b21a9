import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { invoiceSummaryTemplateResource } from './invoice-summary-template.fields.ts'
import type { invoiceSummaryTemplateUseCases } from './invoice-summary-template.service.ts'

/** Invoice summary templates (Admin API): list, exists and get; create and update for administrators. */
export function invoiceSummaryTemplateRoutes(app: FastifyInstance, useCases: ReturnType<typeof invoiceSummaryTemplateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/invoice-summary-templates',
    param: 'invoiceSummaryTemplateId',
    tag: 'invoice-summary-templates',
    sdkType: 'InvoiceSummaryTemplate',
    resource: invoiceSummaryTemplateResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getInvoiceSummaryTemplates', exists: 'checkInvoiceSummaryTemplate', get: 'getInvoiceSummaryTemplate', create: 'createInvoiceSummaryTemplate', update: 'updateInvoiceSummaryTemplate' },
    useCases,
  })
}
