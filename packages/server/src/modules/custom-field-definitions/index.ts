import { defineModule } from '../module.ts'
import { customFieldDefinitionRoutes } from './custom-field-definition.routes.ts'
import { customFieldDefinitionUseCases } from './custom-field-definition.service.ts'

/** Custom field definitions (Admin API). */
export const customFieldDefinitionsModule = defineModule({
  name: 'custom-field-definitions',
  docs: 'custom-field-definitions.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => customFieldDefinitionRoutes(app, customFieldDefinitionUseCases(db)),
})

/** The records a custom field can be defined for, for the modules whose records carry them. */
export { ENTITY_LEVELS } from './custom-field-definition.fields.ts'
