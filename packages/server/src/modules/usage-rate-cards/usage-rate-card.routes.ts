import type { FastifyInstance } from 'fastify'
import { crudRoutes, idParams } from '../../http/routes/crud-routes.ts'
import { patchRoute } from '../../http/routes/item-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { summaryHeader, wantsSummary } from '../../resources/summary.ts'
import { CreateUsageRateCardBody, usageRateCardResource } from './usage-rate-card.fields.ts'
import type { usageRateCardUseCases } from './usage-rate-card.service.ts'

/** The published `summary` header of the list and the PATCH: "true" answers a card without its dated charges and rates. */
const SummaryHeader = summaryHeader('If true, a lightweight summary of the usage rate card: without timeBandPlans, accessCharges, boltOnCharges and usageRates')

/** Usage rate cards (Pricing API, /v2): read by every role, written by administrators; PATCH is JSON Patch only. */
export function usageRateCardRoutes(app: FastifyInstance, useCases: ReturnType<typeof usageRateCardUseCases>): void {
  const options = {
    path: '/v2/usage-rate-cards',
    param: 'usageRateCardId',
    tag: 'usage-rate-cards',
    sdkType: 'UsageRateCard',
    resource: usageRateCardResource,
    permissions: { read: 'pricing:read', write: 'pricing:write' },
    useCases,
    patchFormats: ['json-patch'],
  } as const
  listRoute(app, {
    tag: options.tag,
    sdkType: options.sdkType,
    permission: 'pricing:read',
    path: options.path,
    operationId: 'getUsageRateCards',
    summary: 'List the usage rate cards',
    list: usageRateCardResource.list,
    item: usageRateCardResource.schema,
    head: false,
    headers: SummaryHeader,
    handler: (actor, list, _params, headers) => useCases.list(actor, list, wantsSummary(headers)),
  })
  const write = { tag: options.tag, sdkType: options.sdkType, permission: 'pricing:write' } as const
  createRoute(app, {
    ...write,
    path: options.path,
    operationId: 'createUsageRateCard',
    summary: 'Create a usage rate card, with its first rates',
    body: CreateUsageRateCardBody,
    response: usageRateCardResource.schema,
    handler: (actor, body) => useCases.create(actor, body),
  })
  patchRoute(app, {
    ...write,
    path: `${options.path}/:usageRateCardId`,
    operationId: 'updateUsageRateCard',
    summary: 'Update a usage rate card (JSON Patch); add a rate with an add to /usageRates/-',
    params: idParams('usageRateCardId'),
    formats: ['json-patch'],
    response: usageRateCardResource.schema,
    document: usageRateCardResource.document,
    headers: SummaryHeader,
    handler: (actor, p, patch, headers) => useCases.update(actor, p.usageRateCardId, patch, wantsSummary(headers)),
  })
  crudRoutes(app, { ...options, operations: { exists: 'checkUsageRateCards', get: 'getUsageRateCard', delete: 'deleteUsageRateCard' } })
}
