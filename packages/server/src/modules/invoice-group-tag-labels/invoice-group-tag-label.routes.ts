import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { deleteRoute, getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { invoiceGroupTagLabelResource } from './invoice-group-tag-label.fields.ts'
import type { invoiceGroupTagLabelUseCases } from './invoice-group-tag-label.service.ts'

const collection = '/v1/contract-owner-sub-brands/:contractOwnerSubBrandId/invoice-group-tag-labels'
const items = '/v1/invoice-group-tag-labels'
const item = `${items}/:invoiceGroupTagLabelId`
const parent = idParams('contractOwnerSubBrandId')
const params = idParams('invoiceGroupTagLabelId')
const read = { tag: 'invoice-group-tag-labels', sdkType: 'InvoiceGroupTagLabel', permission: 'admin:read' } as const
const write = { ...read, permission: 'admin:write' } as const

/** Invoice group tag labels (Admin API 1.46): listed and created under a sub-brand, then by their own id. */
export function invoiceGroupTagLabelRoutes(app: FastifyInstance, labels: ReturnType<typeof invoiceGroupTagLabelUseCases>): void {
  const { list, schema, createBody, document } = invoiceGroupTagLabelResource
  listRoute(app, { ...read, path: collection, params: parent, operationId: 'getInvoiceGroupTagLabels', summary: 'Get invoice group tag labels for a contract owner sub-brand', list, item: schema, head: false, handler: labels.list })
  existsRoute(app, { ...read, path: collection, params: parent, operationId: 'checkInvoiceGroupTagLabel', summary: 'Check whether any of the sub-brand’s labels matches the filters (200 or 404)', list, handler: labels.exists })
  createRoute(app, { ...write, path: collection, params: parent, itemsPath: items, operationId: 'createInvoiceGroupTagLabel', summary: 'Create a new invoice group tag label', body: createBody, response: schema, handler: labels.create })
  getRoute(app, { ...read, path: item, params, operationId: 'getInvoiceGroupTagLabel', summary: 'Get a specific invoice group tag label', response: schema, handler: (actor, { invoiceGroupTagLabelId }) => labels.get(actor, invoiceGroupTagLabelId) })
  patchRoute(app, {
    ...write,
    path: item,
    params,
    operationId: 'updateInvoiceGroupTagLabel',
    summary: 'Update an invoice group tag label (JSON Patch or merge patch)',
    response: schema,
    document,
    handler: (actor, { invoiceGroupTagLabelId }, patch) => labels.update(actor, invoiceGroupTagLabelId, patch),
  })
  deleteRoute(app, { ...write, path: item, params, operationId: 'deleteInvoiceGroupTagLabel', summary: 'Delete an invoice group tag label', handler: (actor, { invoiceGroupTagLabelId }, ifMatch) => labels.remove(actor, invoiceGroupTagLabelId, ifMatch) })
}
