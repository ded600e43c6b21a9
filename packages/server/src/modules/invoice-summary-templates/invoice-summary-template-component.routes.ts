import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { invoiceSummaryTemplateComponentResource } from './invoice-summary-template-component.fields.ts'
import type { invoiceSummaryTemplateComponentUseCases } from './invoice-summary-template-component.service.ts'

/** Invoice summary template components (Admin API): list, exists and get; create and update for administrators. */
export function invoiceSummaryTemplateComponentRoutes(app: FastifyInstance, useCases: ReturnType<typeof invoiceSummaryTemplateComponentUseCases>): void {
  crudRoutes(app, {
    path: '/v1/invoice-summary-template-components',
    param: 'invoiceSummaryTemplateComponentId',
    tag: 'invoice-summary-template-components',
    sdkType: 'InvoiceSummaryTemplateComponent',
    resource: invoiceSummaryTemplateComponentResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getInvoiceSummaryTemplateComponents', exists: 'checkInvoiceSummaryTemplateComponent', get: 'getInvoiceSummaryTemplateComponent', create: 'createInvoiceSummaryTemplateComponent', update: 'updateInvoiceSummaryTemplateComponent' },
    useCases,
  })
}
