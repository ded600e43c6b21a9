import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { adminContactResource } from './admin-contact.fields.ts'
import type { adminContactUseCases } from './admin-contact.service.ts'

/** Admin contacts (Admin API): list, exists and get; create and update for administrators. */
export function adminContactRoutes(app: FastifyInstance, useCases: ReturnType<typeof adminContactUseCases>): void {
  crudRoutes(app, {
    path: '/v1/admin-contacts',
    param: 'adminContactId',
    tag: 'admin-contacts',
    sdkType: 'AdminContact',
    resource: adminContactResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getAdminContacts', exists: 'checkAdminContact', get: 'getAdminContact', create: 'createAdminContact', update: 'updateAdminContact' },
    useCases,
  })
}
