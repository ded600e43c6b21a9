import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { summaryHeader, wantsSummary } from '../../resources/summary.ts'
import { inclusiveUsagePlanResource } from './inclusive-usage-plan.fields.ts'
import type { inclusiveUsagePlanUseCases } from './inclusive-usage-plan.service.ts'

/** The published `summary` header of the list: "true" answers each plan without its components and bolt-on charges. */
const SummaryHeader = summaryHeader('If true, a lightweight summary of each inclusive usage plan: without inclusiveUsageComponents and boltOnCharges')

/** Inclusive usage plans (Pricing API, /v2): read by every role, written by administrators; PATCH is JSON Patch only. */
export function inclusiveUsagePlanRoutes(app: FastifyInstance, useCases: ReturnType<typeof inclusiveUsagePlanUseCases>): void {
  const path = '/v2/inclusive-usage-plans'
  const base = { tag: 'inclusive-usage-plans', sdkType: 'InclusiveUsagePlan' }
  const resource = inclusiveUsagePlanResource
  listRoute(app, {
    ...base,
    permission: 'pricing:read',
    path,
    operationId: 'getInclusiveUsagePlans',
    summary: 'List the inclusive usage plans',
    list: resource.list,
    item: resource.schema,
    head: false,
    headers: SummaryHeader,
    handler: (actor, list, _params, headers) => useCases.list(actor, list, wantsSummary(headers)),
  })
  crudRoutes(app, {
    ...base,
    path,
    param: 'inclusiveUsagePlanId',
    resource,
    permissions: { read: 'pricing:read', write: 'pricing:write' },
    operations: { exists: 'checkInclusiveUsagePlans', get: 'getInclusiveUsagePlan', create: 'createInclusiveUsagePlan', update: 'updateInclusiveUsagePlan', delete: 'deleteInclusiveUsagePlan' },
    useCases,
    patchFormats: ['json-patch'],
  })
}
