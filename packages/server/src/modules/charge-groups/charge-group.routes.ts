import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { chargeGroupCategoryResource, chargeGroupResource } from './charge-group.fields.ts'
import type { chargeGroupCategoryUseCases, chargeGroupUseCases } from './charge-group.service.ts'

const permissions = { read: 'reference-data:read', write: 'reference-data:write' } as const

/** Charge group categories and charge groups (Reference Data API): PATCH takes JSON Patch only, as published. */
export function chargeGroupRoutes(app: FastifyInstance, categories: ReturnType<typeof chargeGroupCategoryUseCases>, groups: ReturnType<typeof chargeGroupUseCases>): void {
  crudRoutes(app, {
    path: '/v1/charge-group-categories',
    param: 'chargeGroupCategoryId',
    tag: 'charge-group-categories',
    sdkType: 'ChargeGroupCategory',
    resource: chargeGroupCategoryResource,
    permissions,
    operations: {
      list: 'getChargeGroupCategories',
      exists: 'checkChargeGroupCategory',
      get: 'getChargeGroupCategory',
      create: 'createChargeGroupCategory',
      update: 'updateChargeGroupCategoryPatch',
      delete: 'deleteChargeGroupCategory',
    },
    useCases: categories,
    patchFormats: ['json-patch'],
  })
  crudRoutes(app, {
    path: '/v1/charge-groups',
    param: 'chargeGroupId',
    tag: 'charge-groups',
    sdkType: 'ChargeGroup',
    resource: chargeGroupResource,
    permissions,
    operations: { list: 'getChargeGroups', exists: 'checkChargeGroup', get: 'getChargeGroup', create: 'createChargeGroup', update: 'updateChargeGroupPatch', delete: 'deleteChargeGroup' },
    useCases: groups,
    patchFormats: ['json-patch'],
  })
}
