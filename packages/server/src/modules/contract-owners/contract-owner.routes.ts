import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { contractOwnerResource } from './contract-owner.fields.ts'
import type { contractOwnerUseCases } from './contract-owner.service.ts'

/** Contract owners (Admin API): list and get; create and update for administrators. */
export function contractOwnerRoutes(app: FastifyInstance, useCases: ReturnType<typeof contractOwnerUseCases>): void {
  crudRoutes(app, {
    path: '/v1/contract-owners',
    param: 'contractOwnerId',
    tag: 'contract-owners',
    sdkType: 'ContractOwner',
    resource: contractOwnerResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getContractOwners', get: 'getContractOwner', create: 'createContractOwner', update: 'updateContractOwner' },
    useCases,
  })
}
