import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { supplierResource } from './supplier.fields.ts'
import type { supplierUseCases } from './supplier.service.ts'

/** Suppliers (Admin API): list, exists and get as published; create and update for administrators. */
export function supplierRoutes(app: FastifyInstance, useCases: ReturnType<typeof supplierUseCases>): void {
  crudRoutes(app, {
    path: '/v1/suppliers',
    param: 'supplierId',
    tag: 'suppliers',
    sdkType: 'Supplier',
    resource: supplierResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getSuppliers', exists: 'checkSupplier', get: 'getSupplier', create: 'createSupplier', update: 'updateSupplier' },
    useCases,
  })
}
