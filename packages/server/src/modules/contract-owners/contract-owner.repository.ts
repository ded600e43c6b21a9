import type { Selectable } from 'kysely'
import type { ContractOwnersTable } from '../../db/tables.ts'
import { tableRepository } from '../../resources/table-repository.ts'

export type ContractOwnerRow = Omit<Selectable<ContractOwnersTable>, 'brand_id'>
export type ContractOwnerValues = Pick<ContractOwnerRow, 'name' | 'available_from' | 'available_to' | 'details'>

const COLUMNS = ['id', 'name', 'available_from', 'available_to', 'details', 'version', 'created_date', 'updated_date'] as const

export const contractOwners = tableRepository<ContractOwnerRow, ContractOwnerValues>('contract_owners', COLUMNS)
