import type { FastifyInstance } from 'fastify'
import { idParams } from '../../http/routes/crud-routes.ts'
import { deleteRoute, getRoute, patchRoute } from '../../http/routes/item-routes.ts'
import { existsRoute, listRoute } from '../../http/routes/list-routes.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { summaryHeader, wantsSummary } from '../../resources/summary.ts'
import { CreateRentalRateCardBody, rentalRateCardResource } from './rental-rate-card.fields.ts'
import type { rentalRateCardUseCases } from './rental-rate-card.service.ts'

const PATH = '/v2/rental-rate-cards'
const ITEM = `${PATH}/:rentalRateCardId`
const base = { tag: 'rental-rate-cards', sdkType: 'RentalRateCard' }
const read = { ...base, permission: 'pricing:read' } as const
const write = { ...base, permission: 'pricing:write' } as const
const params = idParams('rentalRateCardId')

/** The published `summary` header: "true" answers each card without its rates. */
const SummaryHeader = summaryHeader('If true, a lightweight summary of each rental rate card: the card without its rentalRates')

/**
 * Rental rate cards (Pricing API, /v2): read by every role, written by administrators. PATCH is
 * JSON Patch only (a merge patch is 415) and adds rates; reads and PATCH take `summary`.
 */
export function rentalRateCardRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalRateCardUseCases>): void {
  const resource = rentalRateCardResource
  listRoute(app, {
    ...read,
    path: PATH,
    operationId: 'getRentalRateCards',
    summary: 'List the rental rate cards',
    list: resource.list,
    item: resource.schema,
    head: false,
    headers: SummaryHeader,
    handler: (actor, list, _params, headers) => useCases.list(actor, list, wantsSummary(headers)),
  })
  existsRoute(app, { ...read, path: PATH, operationId: 'checkRentalRateCards', summary: 'Check whether any rental rate card matches the filters (200 or 404)', list: resource.list, handler: useCases.exists })
  createRoute(app, {
    ...write,
    path: PATH,
    operationId: 'createRentalRateCard',
    summary: 'Create a rental rate card, with its first rates',
    body: CreateRentalRateCardBody,
    response: resource.schema,
    handler: (actor, body) => useCases.create(actor, body),
  })
  getRoute(app, {
    ...read,
    path: ITEM,
    operationId: 'getRentalRateCard',
    summary: 'Get a rental rate card',
    params,
    response: resource.schema,
    headers: SummaryHeader,
    handler: (actor, p, headers) => useCases.get(actor, p.rentalRateCardId, wantsSummary(headers)),
  })
  patchRoute(app, {
    ...write,
    path: ITEM,
    operationId: 'updateRentalRateCard',
    summary: 'Update a rental rate card (JSON Patch); add a rate with an add to /rentalRates/-',
    params,
    formats: ['json-patch'],
    response: resource.schema,
    document: resource.document,
    headers: SummaryHeader,
    handler: (actor, p, patch, headers) => useCases.update(actor, p.rentalRateCardId, patch, wantsSummary(headers)),
  })
  deleteRoute(app, { ...write, path: ITEM, operationId: 'deleteRentalRateCard', summary: 'Delete a rental rate card and its rates', params, handler: (actor, p, ifMatch) => useCases.remove(actor, p.rentalRateCardId, ifMatch) })
}
