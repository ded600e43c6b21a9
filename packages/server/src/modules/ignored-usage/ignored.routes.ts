import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { ignoredCallClassResource, ignoredServiceIdResource } from './ignored.fields.ts'
import type { ignoredCallClassUseCases, ignoredServiceIdUseCases } from './ignored.service.ts'

const permissions = { read: 'reference-data:read', write: 'reference-data:write' } as const

/** Ignored call classes and service ids (Reference Data API): PATCH takes JSON Patch only, as published. */
export function ignoredRoutes(app: FastifyInstance, callClasses: ReturnType<typeof ignoredCallClassUseCases>, serviceIds: ReturnType<typeof ignoredServiceIdUseCases>): void {
  crudRoutes(app, {
    path: '/v1/ignored-call-classes',
    param: 'ignoredCallClassId',
    tag: 'ignored-call-classes',
    sdkType: 'IgnoredCallClass',
    resource: ignoredCallClassResource,
    permissions,
    operations: {
      list: 'getIgnoredCallClasses',
      exists: 'checkIgnoredCallClass',
      get: 'getIgnoredCallClass',
      create: 'createIgnoredCallClass',
      update: 'updateIgnoredCallClassPatch',
      delete: 'deleteIgnoredCallClass',
    },
    useCases: callClasses,
    patchFormats: ['json-patch'],
  })
  crudRoutes(app, {
    path: '/v1/ignored-service-ids',
    param: 'ignoredServiceIdId',
    tag: 'ignored-service-ids',
    sdkType: 'IgnoredServiceId',
    resource: ignoredServiceIdResource,
    permissions,
    operations: {
      list: 'getIgnoredServiceIds',
      exists: 'checkIgnoredServiceId',
      get: 'getIgnoredServiceId',
      create: 'createIgnoredServiceId',
      update: 'updateIgnoredServiceIdPatch',
      delete: 'deleteIgnoredServiceId',
    },
    useCases: serviceIds,
    patchFormats: ['json-patch'],
  })
}
