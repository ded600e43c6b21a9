import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { taxBandRateResource, taxBandResource } from './tax-band.fields.ts'
import type { taxBandRateUseCases, taxBandUseCases } from './tax-band.service.ts'

const permissions = { read: 'reference-data:read', write: 'reference-data:write' } as const

/** Tax bands and their rates (Reference Data API): read by every role, written by administrators. */
export function taxBandRoutes(app: FastifyInstance, bands: ReturnType<typeof taxBandUseCases>, rates: ReturnType<typeof taxBandRateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/tax-bands',
    param: 'taxBandId',
    tag: 'tax-bands',
    sdkType: 'TaxBand',
    resource: taxBandResource,
    permissions,
    operations: { list: 'getTaxBands', exists: 'checkTaxBand', get: 'getTaxBand', create: 'createTaxBand', update: 'updateTaxBand', delete: 'deleteTaxBand' },
    useCases: bands,
  })
  crudRoutes(app, {
    path: '/v1/tax-band-rates',
    param: 'taxBandRateId',
    tag: 'tax-band-rates',
    sdkType: 'TaxBandRate',
    resource: taxBandRateResource,
    permissions,
    operations: { list: 'getTaxBandRates', exists: 'checkTaxBandRate', get: 'getTaxBandRate', create: 'createTaxBandRate', update: 'updateTaxBandRate', delete: 'deleteTaxBandRate' },
    useCases: rates,
  })
}
