import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { sourceChargeGroupResource, sourceResource } from './source.fields.ts'
import type { sourceChargeGroupUseCases, sourceUseCases } from './source.service.ts'

const permissions = { read: 'reference-data:read', write: 'reference-data:write' } as const

/** Reference data sources and their charge groups (Reference Data API): PATCH takes JSON Patch only, as published. */
export function sourceRoutes(app: FastifyInstance, sources: ReturnType<typeof sourceUseCases>, groups: ReturnType<typeof sourceChargeGroupUseCases>): void {
  crudRoutes(app, {
    path: '/v1/reference-data-sources',
    param: 'referenceDataSourceId',
    tag: 'reference-data-sources',
    sdkType: 'ReferenceDataSource',
    resource: sourceResource,
    permissions,
    operations: {
      list: 'getReferenceDataSources',
      exists: 'checkReferenceDataSource',
      get: 'getReferenceDataSource',
      create: 'createReferenceDataSource',
      update: 'updateReferenceDataSourcePatch',
      delete: 'deleteReferenceDataSource',
    },
    useCases: sources,
    patchFormats: ['json-patch'],
  })
  crudRoutes(app, {
    path: '/v1/reference-data-source-charge-groups',
    param: 'referenceDataSourceChargeGroupId',
    tag: 'reference-data-source-charge-groups',
    sdkType: 'ReferenceDataSourceChargeGroup',
    resource: sourceChargeGroupResource,
    permissions,
    operations: {
      list: 'getReferenceDataSourceChargeGroups',
      exists: 'checkReferenceDataSourceChargeGroup',
      get: 'getReferenceDataSourceChargeGroup',
      create: 'createReferenceDataSourceChargeGroup',
      update: 'updateReferenceDataSourceChargeGroupPatch',
      delete: 'deleteReferenceDataSourceChargeGroup',
    },
    useCases: groups,
    patchFormats: ['json-patch'],
  })
}
