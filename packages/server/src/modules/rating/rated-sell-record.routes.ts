import type { FastifyInstance } from 'fastify'
import { listRoute } from '../../http/routes/list-routes.ts'
import { ratedSellRecordResource } from './rated-sell-record.fields.ts'
import type { ratedSellRecordUseCases } from './rated-sell-record.service.ts'

/** The Rental API's rated sell records (HEAD answers whether any matches, with the same filter rules). */
export function ratedSellRecordRoutes(app: FastifyInstance, useCases: ReturnType<typeof ratedSellRecordUseCases>): void {
  listRoute(app, {
    path: '/v1/rental-rated-sell-records',
    operationId: 'getRentalRatedSell',
    summary: 'Get the rated sell records for a rental product inventory, site or customer in a given adhoc/bill run',
    description: 'rentalProductInventoryId is required unless siteId or customerId is given with billRunId or adhocBillRunId (400 otherwise).',
    tag: 'rental-rated-sell-records',
    sdkType: 'RentalRatedSellRecord',
    permission: 'billruns:read',
    list: ratedSellRecordResource.list,
    item: ratedSellRecordResource.schema,
    handler: useCases.list,
  })
}
