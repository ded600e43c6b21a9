import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { callClassResource, dialstringResource } from './call-class.fields.ts'
import type { callClassUseCases, dialstringUseCases } from './call-class.service.ts'

const permissions = { read: 'reference-data:read', write: 'reference-data:write' } as const

/** Call classes and dialstrings (Reference Data API): PATCH takes JSON Patch only, as published. */
export function callClassRoutes(app: FastifyInstance, classes: ReturnType<typeof callClassUseCases>, prefixes: ReturnType<typeof dialstringUseCases>): void {
  crudRoutes(app, {
    path: '/v1/call-classes',
    param: 'callClassId',
    tag: 'call-classes',
    sdkType: 'CallClass',
    resource: callClassResource,
    permissions,
    operations: { list: 'getCallClasses', exists: 'checkCallClass', get: 'getCallClass', create: 'createCallClass', update: 'updateCallClassPatch', delete: 'deleteCallClass' },
    useCases: classes,
    patchFormats: ['json-patch'],
  })
  crudRoutes(app, {
    path: '/v1/dialstrings',
    param: 'dialstringId',
    tag: 'dialstrings',
    sdkType: 'Dialstring',
    resource: dialstringResource,
    permissions,
    operations: { list: 'getDialstrings', exists: 'checkDialstring', get: 'getDialstring', create: 'createDialstring', update: 'updateDialstringPatch', delete: 'deleteDialstring' },
    useCases: prefixes,
    patchFormats: ['json-patch'],
  })
}
