import type { Database, TenantTransaction } from '../../db/database.ts'
import { crudUseCases } from '../../resources/crud.ts'
import { checkContractOwner } from '../../resources/owned.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { contractOwnerExists, firstContractOwner } from '../contract-owners/index.ts'
import { drawAccountNumber, subBrands } from './sub-brand.repository.ts'

export { firstSubBrandOf as defaultSubBrand, firstSubBrandLookup as defaultSubBrandLookup, subBrandOwner, subBrandOwnerLookup } from './sub-brand.repository.ts'

/** Contract-owner sub-brands: branding and account numbering within a contract owner (Admin API). */
export function subBrandUseCases(db: Database) {
  return crudUseCases(db, subBrands, {
    scope: (actor) => scopeConditions(actor, 'contract_owner_id'),
    async check(trx, actor, subBrand, current) {
      if (current !== undefined) return // the owner is fixed, so it was checked at create
      ;(await checkContractOwner(trx, actor, subBrand.contractOwnerId, contractOwnerExists)).throwIfAny()
    },
  })
}

/** The next account number a sub-brand's format gives (SI0000 → SI0001); undefined when it is gone. */
export async function nextAccountNumber(trx: TenantTransaction, subBrandId: number): Promise<string | undefined> {
  const drawn = await drawAccountNumber(trx, subBrandId)
  if (drawn === undefined) return undefined
  const { format, number } = drawn
  const digits = /0+$/.exec(format)![0].length
  return `${format.slice(0, format.length - digits)}${String(number).padStart(digits, '0')}`
}

/** A new brand's sub-brand, of its first contract owner. */
export async function seedSubBrand(trx: TenantTransaction): Promise<void> {
  const contractOwnerId = await firstContractOwner(trx)
  if (contractOwnerId === undefined) return
  await subBrands.insert(trx, {
    contractOwnerId,
    name: 'Default',
    accountNumberFormat: 'CU000000',
    summaryCustomerAccountNumberLabel: 'Account number',
    billingPeriodEndDateLabel: 'Billing period end',
    vatRegistrationNumber: 'UNSET',
  })
}
