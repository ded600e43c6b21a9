import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { deleteRoute, getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { usageRateResource } from './usage-rate.fields.ts'
import type { usageRateUseCases } from './usage-rate.service.ts'

const base = { tag: 'usage-rates', sdkType: 'UsageRate' }
const read = { ...base, permission: 'pricing:read' } as const
const write = { ...base, permission: 'pricing:write' } as const
const PATH = '/v2/usage-rates'
const ITEM = `${PATH}/:usageRateId`
const params = idParams('usageRateId')

/**
 * Usage rates (Pricing API, /v2): the list needs `usageRateCardId`; a rate is changed with JSON
 * Patch only (a merge patch is 415) and deleted here. No POST: "to add a new rate, use
 * /usage-rate-cards/ PATCH method".
 */
export function usageRateRoutes(app: FastifyInstance, useCases: ReturnType<typeof usageRateUseCases>): void {
  const resource = usageRateResource
  listRoute(app, { ...read, path: PATH, operationId: 'getUsageRates', summary: 'List the usage rates of a usage rate card (usageRateCardId is required)', list: resource.list, item: resource.schema, handler: useCases.list })
  getRoute(app, { ...read, path: ITEM, operationId: 'getUsageRate', summary: 'Get a usage rate', params, response: resource.schema, handler: (actor, p) => useCases.get(actor, p.usageRateId) })
  patchRoute(app, {
    ...write,
    path: ITEM,
    operationId: 'updateUsageRate',
    summary: 'Update a usage rate within its usage rate card (JSON Patch)',
    params,
    formats: ['json-patch'],
    response: resource.schema,
    document: resource.document,
    handler: (actor, p, patch) => useCases.update(actor, p.usageRateId, patch),
  })
  deleteRoute(app, { ...write, path: ITEM, operationId: 'deleteUsageRate', summary: 'Delete a usage rate from its usage rate card', params, handler: (actor, p) => useCases.remove(actor, p.usageRateId) })
}
