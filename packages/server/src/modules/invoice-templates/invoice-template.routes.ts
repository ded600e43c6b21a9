import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { invoiceTemplateResource } from './invoice-template.fields.ts'
import type { invoiceTemplateUseCases } from './invoice-template.service.ts'

/** Invoice templates (Admin API): list, exists and get; create and update for administrators. */
export function invoiceTemplateRoutes(app: FastifyInstance, useCases: ReturnType<typeof invoiceTemplateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/invoice-templates',
    param: 'invoiceTemplateId',
    tag: 'invoice-templates',
    sdkType: 'InvoiceTemplate',
    resource: invoiceTemplateResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getInvoiceTemplates', exists: 'checkInvoiceTemplate', get: 'getInvoiceTemplate', create: 'createInvoiceTemplate', update: 'updateInvoiceTemplate' },
    useCases,
  })
}
