import type { Transport } from '../request.ts'
import type {
  ContractOwnerSubBrand,
  ContractOwnerSubBrandPatch,
  CreateContractOwnerSubBrandBody,
  ListContractOwnerSubBrandsQuery,
} from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * Sub-brands of contract owners (`/v1/contract-owner-sub-brands`): what a customer is billed under.
 * @example for await (const subBrand of client.contractOwnerSubBrands.listAll({ contractOwnerId: String(ownerId) })) console.log(subBrand.name)
 */
export function contractOwnerSubBrands(transport: Transport) {
  const { list, listAll, get, getWithETag, create, update } = resourceMethods<
    ContractOwnerSubBrand,
    ListContractOwnerSubBrandsQuery,
    CreateContractOwnerSubBrandBody,
    ContractOwnerSubBrandPatch
  >(transport, '/v1/contract-owner-sub-brands')
  return { list, listAll, get, getWithETag, create, update }
}

/** The `client.contractOwnerSubBrands` methods: `list`, `listAll`, `get`, `getWithETag`, `create`, `update`. */
export type ContractOwnerSubBrands = ReturnType<typeof contractOwnerSubBrands>
