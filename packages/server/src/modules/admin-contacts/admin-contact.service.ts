import type { Database } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { adminContacts } from './admin-contact.repository.ts'

/** Admin contacts: who of the brand's staff is emailed tripwire, usage-cap and auto-close alerts. */
export function adminContactUseCases(db: Database) {
  return crudUseCases(db, adminContacts, brandWideRules('Admin contacts'))
}
