import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { StringEnum } from '../../resources/schemas.ts'
import { usageRateCardResource } from './usage-rate-card.fields.ts'
import type { usageRateCardUseCases } from './usage-rate-card.service.ts'

/** The published `summary` header of the list: "true" answers each card without its dated charges. */
const SummaryHeader = Type.Object({
  summary: Type.Optional(StringEnum(['true', 'false'] as const, { description: 'If true, a lightweight summary of each usage rate card: without timeBandPlans, accessCharges and boltOnCharges' })),
})

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
    handler: (actor, list, _params, headers) => useCases.list(actor, list, headers.summary === 'true'),
  })
  crudRoutes(app, {
    ...options,
    operations: { exists: 'checkUsageRateCards', get: 'getUsageRateCard', create: 'createUsageRateCard', update: 'updateUsageRateCard', delete: 'deleteUsageRateCard' },
  })
}
