import type { Selectable } from 'kysely'
import type { BillingCyclesTable } from '../../db/tables.ts'
import { tableRepository } from '../../resources/table-repository.ts'

export type BillingCycleRow = Omit<Selectable<BillingCyclesTable>, 'brand_id'>
export type BillingCycleValues = Pick<BillingCycleRow, 'contract_owner_id' | 'name' | 'details'>

const COLUMNS = ['id', 'contract_owner_id', 'name', 'details', 'version', 'created_date', 'updated_date'] as const

export const billingCycles = tableRepository<BillingCycleRow, BillingCycleValues>('billing_cycles', COLUMNS)
