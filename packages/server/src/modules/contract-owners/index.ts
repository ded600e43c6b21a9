import type { FastifyInstance } from 'fastify'
import type { TenantTransaction } from '../../db/database.ts'
import { registerResourceRoutes } from '../../http/resource-routes.ts'
import type { ModuleContext } from '../module.ts'
import { ContractOwner, ContractOwnerBody, ListContractOwnersQuery } from './contract-owner.schemas.ts'
import { contractOwners } from './contract-owner.repository.ts'
import { ContractOwnerService } from './contract-owner.service.ts'

/** Contract owners (Admin API): list and get; create and update for administrators. */
export async function contractOwnersModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await registerResourceRoutes(app, {
    path: '/v1/contract-owners',
    param: 'contractOwnerId',
    tag: 'contract-owners',
    noun: 'contract owner',
    operations: { list: 'getContractOwners', get: 'getContractOwner', create: 'createContractOwner', update: 'updateContractOwner' },
    permissions: { read: 'admin:read', write: 'admin:write' },
    schemas: { resource: ContractOwner, create: ContractOwnerBody, listQuery: ListContractOwnersQuery },
    service: new ContractOwnerService(db),
  })
}

/** For other modules: whether a contract owner exists in the transaction's brand. */
export async function contractOwnerExists(trx: TenantTransaction, id: number): Promise<boolean> {
  return (await contractOwners.find(trx, id, [], false)) !== undefined
}
