import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { customFieldDefinitions } from './custom-field-definition.repository.ts'

/** Custom field definitions: the extra fields products, inventories, sites and customers may carry. */
export function customFieldDefinitionUseCases(db: Database) {
  return crudUseCases(db, customFieldDefinitions, brandWideRules('Custom field definitions'))
}
