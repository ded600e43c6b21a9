import type { Transport } from '../request.ts'
import type { ContractOwner, ContractOwnerPatch, CreateContractOwnerBody, ListContractOwnersQuery } from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * Contract owners (`/v1/contract-owners`): the companies that bill customers.
 * @example const owner = await client.contractOwners.create({ name: 'Acme Telecom', availableFrom: '2024-01-01', … })
 */
export function contractOwners(transport: Transport) {
  const { list, listAll, get, getWithETag, create, update } = resourceMethods<
    ContractOwner,
    ListContractOwnersQuery,
    CreateContractOwnerBody,
    ContractOwnerPatch
  >(transport, '/v1/contract-owners')
  return { list, listAll, get, getWithETag, create, update }
}

/** The `client.contractOwners` methods: `list`, `listAll`, `get`, `getWithETag`, `create`, `update`. */
export type ContractOwners = ReturnType<typeof contractOwners>
