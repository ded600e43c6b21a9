import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { invoiceDocumentProfileResource } from './invoice-document-profile.fields.ts'
import type { invoiceDocumentProfileUseCases } from './invoice-document-profile.service.ts'

/** Invoice document profiles (Admin API): list, exists and get; create and update for administrators. */
export function invoiceDocumentProfileRoutes(app: FastifyInstance, useCases: ReturnType<typeof invoiceDocumentProfileUseCases>): void {
  crudRoutes(app, {
    path: '/v1/invoice-document-profiles',
    param: 'invoiceDocumentProfileId',
    tag: 'invoice-document-profiles',
    sdkType: 'InvoiceDocumentProfile',
    resource: invoiceDocumentProfileResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getInvoiceDocumentProfiles', exists: 'checkInvoiceDocumentProfile', get: 'getInvoiceDocumentProfile', create: 'createInvoiceDocumentProfile', update: 'updateInvoiceDocumentProfile' },
    useCases,
  })
}
