import type { Database, TenantTransaction } from '../../db/database.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { copyIso4217, currencies } from './currency.repository.ts'

/** Currencies: brand-wide reference data; the code is unique within the brand (409). */
export function currencyUseCases(db: Database) {
  return crudUseCases(db, currencies, brandWideRules('Currencies'))
}

/** A new brand starts with the ISO 4217 currencies. */
export async function seedCurrencies(trx: TenantTransaction): Promise<void> {
  await copyIso4217(trx)
}
