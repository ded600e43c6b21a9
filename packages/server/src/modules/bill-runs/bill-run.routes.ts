import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { crudRoutes, idParams } from '../../http/routes/crud-routes.ts'
import { actionRoute } from '../../http/routes/write-routes.ts'
import { adhocBillRunResource } from './adhoc-bill-run.fields.ts'
import type { adhocBillRunUseCases } from './adhoc-bill-run.service.ts'
import { billRunResource } from './bill-run.fields.ts'
import type { billRunUseCases } from './bill-run.service.ts'

const permissions = { read: 'billruns:read', write: 'billruns:write' } as const

/** A shift of the schedule: whole periods, forward or back (a decade of months at most). */
const AdjustQuery = Type.Object({
  periods: Type.Integer({ minimum: -120, maximum: 120, description: 'Number of periods to adjust the start date of the bill run (negative: earlier)', examples: [1] }),
})

/** The Bill Run API: scheduled bill runs, their schedule, and adhoc bill runs. */
export function billRunRoutes(app: FastifyInstance, billRuns: ReturnType<typeof billRunUseCases>, adhoc: ReturnType<typeof adhocBillRunUseCases>): void {
  crudRoutes(app, {
    path: '/v1/bill-runs',
    param: 'billRunId',
    tag: 'bill-runs',
    sdkType: 'BillRun',
    resource: billRunResource,
    permissions,
    operations: { list: 'getBillRuns', get: 'getBillRun', update: 'updateBillRun' },
    useCases: billRuns,
    patchFormats: ['json-patch'],
  })
  actionRoute(app, {
    path: '/v1/adjust-bill-run-schedule/:billRunId',
    operationId: 'adjustBillRunSchedule',
    summary: 'Adjust the schedule of the bill run by specified number of periods',
    description: 'Moves an OPEN bill run by whole periods of its billing cycle; 409 when it is not OPEN or would overlap another bill run of the cycle.',
    tag: 'bill-runs',
    sdkType: 'BillRun',
    sdkMethod: 'adjustSchedule',
    permission: permissions.write,
    params: idParams('billRunId'),
    query: AdjustQuery,
    response: { status: 200, schema: billRunResource.schema },
    errors: [404, 409],
    handler: async (actor, { params, query }) => (await billRuns.adjustSchedule(actor, params.billRunId, query.periods)).resource,
  })
  crudRoutes(app, {
    path: '/v1/adhoc-bill-runs',
    param: 'adhocBillRunId',
    tag: 'adhoc-bill-runs',
    sdkType: 'AdhocBillRun',
    resource: adhocBillRunResource,
    permissions,
    operations: { list: 'getAdhocBillRuns', get: 'getAdhocBillRun', create: 'createAdhocBillRun', update: 'updateAdhocBillRun' },
    useCases: adhoc,
    patchFormats: ['json-patch'],
  })
}
