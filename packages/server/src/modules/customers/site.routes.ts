import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { siteResource } from './site.fields.ts'
import type { siteUseCases } from './site.service.ts'

/** Sites (Customer and Sites API): list, exists, create for an existing customer, get, update. */
export function siteRoutes(app: FastifyInstance, useCases: ReturnType<typeof siteUseCases>): void {
  crudRoutes(app, {
    path: '/v1/sites',
    param: 'siteId',
    tag: 'sites',
    sdkType: 'Site',
    resource: siteResource,
    permissions: { read: 'customers:read', write: 'customers:write' },
    operations: { list: 'getSites', exists: 'checkSite', get: 'getSite', create: 'createSite', update: 'updateSite' },
    useCases,
  })
}
