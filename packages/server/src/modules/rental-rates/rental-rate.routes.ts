import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { deleteRoute, getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { rentalRateResource } from './rental-rate.fields.ts'
import type { rentalRateUseCases } from './rental-rate.service.ts'

const base = { tag: 'rental-rates', sdkType: 'RentalRate' }
const read = { ...base, permission: 'pricing:read' } as const
const write = { ...base, permission: 'pricing:write' } as const
const PATH = '/v2/rental-rates'
const ITEM = `${PATH}/:rentalRateId`
const params = idParams('rentalRateId')

/**
 * Rental rates (Pricing API, /v2): the list needs `rentalRateCardId`; a rate is changed with JSON
 * Patch only (a merge patch is 415) and deleted here. No POST: "to add a new rate, use
 * /rental-rate-cards/ PATCH method".
 */
export function rentalRateRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalRateUseCases>): void {
  const resource = rentalRateResource
  listRoute(app, { ...read, path: PATH, operationId: 'getRentalRates', summary: 'List the rental rates of a rate card (rentalRateCardId is required)', list: resource.list, item: resource.schema, handler: useCases.list })
  getRoute(app, { ...read, path: ITEM, operationId: 'getRentalRate', summary: 'Get a rental rate', params, response: resource.schema, handler: (actor, p) => useCases.get(actor, p.rentalRateId) })
  patchRoute(app, {
    ...write,
    path: ITEM,
    operationId: 'updateRentalRate',
    summary: 'Update a rental rate within its rate card (JSON Patch)',
    params,
    formats: ['json-patch'],
    response: resource.schema,
    document: resource.document,
    handler: (actor, p, patch) => useCases.update(actor, p.rentalRateId, patch),
  })
  deleteRoute(app, { ...write, path: ITEM, operationId: 'deleteRentalRate', summary: 'Delete a rental rate from its rate card', params, handler: (actor, p, ifMatch) => useCases.remove(actor, p.rentalRateId, ifMatch) })
}
