import type { FastifyInstance } from 'fastify'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import { ratedSellRecordResource } from './rated-sell-record.fields.ts'
import type { ratedSellRecordUseCases } from './rated-sell-record.service.ts'

/** The Rental API's rated sell records, and whether any matches (HEAD, with any filters). */
export function ratedSellRecordRoutes(app: FastifyInstance, useCases: ReturnType<typeof ratedSellRecordUseCases>): void {
  const read = { path: '/v1/rental-rated-sell-records', tag: 'rental-rated-sell-records', sdkType: 'RentalRatedSellRecord', permission: 'billruns:read', list: ratedSellRecordResource.list } as const
  listRoute(app, {
    ...read,
    operationId: 'getRentalRatedSell',
    summary: 'Get the rated sell records for a rental product inventory, site or customer in a given adhoc/bill run',
    description: 'rentalProductInventoryId is required unless siteId or customerId is given with billRunId or adhocBillRunId (400 otherwise).',
    item: ratedSellRecordResource.schema,
    head: false,
    handler: useCases.list,
  })
  // Not published: this server's exists-check of every list (elevate-api.md §1.4). Whether any
  // record matches is cheap to answer, so it takes any filters, without the list's combinations.
  existsRoute(app, { ...read, operationId: 'checkRentalRatedSellRecords', summary: 'Check whether any rated sell record matches the filters (200 or 404)', handler: useCases.exists })
}
