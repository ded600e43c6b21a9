import type { FastifyInstance } from 'fastify'
import { registerResourceRoutes } from '../../http/resource-routes.ts'
import type { ModuleContext } from '../module.ts'
import { ListSitesQuery, Site, SiteBody, SitesExistQuery } from './site.schemas.ts'
import { SiteService } from './site.service.ts'

/** Sites (Customer and Sites API): list, exists, create for an existing customer, get, update. */
export async function sitesModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await registerResourceRoutes(app, {
    path: '/v1/sites',
    param: 'siteId',
    tag: 'sites',
    noun: 'site',
    operations: { list: 'getSites', exists: 'checkSite', get: 'getSite', create: 'createSite', update: 'updateSite' },
    permissions: { read: 'customers:read', write: 'customers:write' },
    schemas: { resource: Site, create: SiteBody, listQuery: ListSitesQuery, existsQuery: SitesExistQuery },
    service: new SiteService(db),
  })
}

export { insertSites, moveSites } from './site.repository.ts'
export { siteFields, Site } from './site.schemas.ts'
export { siteRuleErrors, siteValues, toSite } from './site.service.ts'
