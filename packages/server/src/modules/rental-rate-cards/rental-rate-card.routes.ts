import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { rentalRateCardResource } from './rental-rate-card.fields.ts'
import type { rentalRateCardUseCases } from './rental-rate-card.service.ts'

/** Rental rate cards (Pricing API, /v2): read by every role, written by administrators; PATCH is JSON Patch only, as published. */
export function rentalRateCardRoutes(app: FastifyInstance, useCases: ReturnType<typeof rentalRateCardUseCases>): void {
  crudRoutes(app, {
    path: '/v2/rental-rate-cards',
    param: 'rentalRateCardId',
    tag: 'rental-rate-cards',
    sdkType: 'RentalRateCard',
    resource: rentalRateCardResource,
    permissions: { read: 'pricing:read', write: 'pricing:write' },
    operations: {
      list: 'getRentalRateCards',
      exists: 'checkRentalRateCards',
      get: 'getRentalRateCard',
      create: 'createRentalRateCard',
      update: 'updateRentalRateCard',
      delete: 'deleteRentalRateCard',
    },
    useCases,
    patchFormats: ['json-patch'],
  })
}
