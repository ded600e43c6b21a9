import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { currencyResource } from './currency.fields.ts'
import type { currencyUseCases } from './currency.service.ts'

/** Currencies (Reference Data API): list, exists, get; create, update and delete for administrators. */
export function currencyRoutes(app: FastifyInstance, useCases: ReturnType<typeof currencyUseCases>): void {
  crudRoutes(app, {
    path: '/v1/currencies',
    param: 'currencyId',
    tag: 'currencies',
    sdkType: 'Currency',
    resource: currencyResource,
    permissions: { read: 'reference-data:read', write: 'reference-data:write' },
    operations: { list: 'getCurrencies', exists: 'checkCurrency', get: 'getCurrency', create: 'createCurrency', update: 'updateCurrency', delete: 'deleteCurrency' },
    useCases,
  })
}
