import type { Transport } from '../request.ts'
import type { CreateSiteBody, ListSitesQuery, Site, SitePatch } from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * Sites of customers (`/v1/sites`): `create` adds a site to an existing customer.
 * @example const sites = await client.sites.list({ page: 1, pageSize: 50, customerId: String(customerId) })
 */
export function sites(transport: Transport) {
  const { list, listAll, get, getWithETag, create, update, exists } = resourceMethods<Site, ListSitesQuery, CreateSiteBody, SitePatch>(
    transport,
    '/v1/sites',
  )
  return { list, listAll, get, getWithETag, create, update, exists }
}

/** The `client.sites` methods: `list`, `listAll`, `get`, `getWithETag`, `create`, `update`, `exists`. */
export type Sites = ReturnType<typeof sites>
