import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { customFieldDefinitionResource } from './custom-field-definition.fields.ts'
import type { customFieldDefinitionUseCases } from './custom-field-definition.service.ts'

/** Custom field definitions (Admin API): list and create as published; exists, get and update added. */
export function customFieldDefinitionRoutes(app: FastifyInstance, useCases: ReturnType<typeof customFieldDefinitionUseCases>): void {
  crudRoutes(app, {
    path: '/v1/custom-field-definitions',
    param: 'customFieldDefinitionId',
    tag: 'custom-field-definitions',
    sdkType: 'CustomFieldDefinition',
    resource: customFieldDefinitionResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: {
      list: 'getCustomFieldDefinitions',
      exists: 'checkCustomFieldDefinition',
      get: 'getCustomFieldDefinition',
      create: 'createCustomFieldDefinition',
      update: 'updateCustomFieldDefinition',
    },
    useCases,
  })
}
