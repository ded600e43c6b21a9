import type { FastifyInstance } from 'fastify'
import type { TenantTransaction } from '../../db/database.ts'
import { registerResourceRoutes } from '../../http/resource-routes.ts'
import type { ModuleContext } from '../module.ts'
import { drawAccountNumber, firstSubBrandOf, subBrands } from './sub-brand.repository.ts'
import { ListSubBrandsQuery, SubBrand, SubBrandBody } from './sub-brand.schemas.ts'
import { SubBrandService } from './sub-brand.service.ts'

/** Contract-owner sub-brands (Admin API): list and get; create and update for administrators. */
export async function subBrandsModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await registerResourceRoutes(app, {
    path: '/v1/contract-owner-sub-brands',
    param: 'contractOwnerSubBrandId',
    tag: 'contract-owner-sub-brands',
    noun: 'contract owner sub-brand',
    operations: { list: 'getContractOwnerSubBrands', get: 'getContractOwnerSubBrand', create: 'createContractOwnerSubBrand', update: 'updateContractOwnerSubBrand' },
    permissions: { read: 'admin:read', write: 'admin:write' },
    schemas: { resource: SubBrand, create: SubBrandBody, listQuery: ListSubBrandsQuery },
    service: new SubBrandService(db),
  })
}

/** For other modules: a sub-brand's contract owner, or undefined when it does not exist. */
export async function subBrandOwner(trx: TenantTransaction, id: number): Promise<number | undefined> {
  return (await subBrands.find(trx, id, [], false))?.contract_owner_id
}

/** For other modules: the oldest sub-brand of a contract owner, its default. */
export async function defaultSubBrand(trx: TenantTransaction, contractOwnerId: number): Promise<number | undefined> {
  return firstSubBrandOf(trx, contractOwnerId)
}

/** For other modules: the next account number a sub-brand's format gives (SI0000 → SI0001). */
export async function nextAccountNumber(trx: TenantTransaction, subBrandId: number): Promise<string> {
  const { format, number } = await drawAccountNumber(trx, subBrandId)
  const digits = /0+$/.exec(format)![0].length
  return `${format.slice(0, format.length - digits)}${String(number).padStart(digits, '0')}`
}
