import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { subBrandResource } from './sub-brand.fields.ts'
import type { subBrandUseCases } from './sub-brand.service.ts'

/** Contract-owner sub-brands (Admin API): list and get; create, update and delete for administrators. */
export function subBrandRoutes(app: FastifyInstance, useCases: ReturnType<typeof subBrandUseCases>): void {
  crudRoutes(app, {
    path: '/v1/contract-owner-sub-brands',
    param: 'contractOwnerSubBrandId',
    tag: 'contract-owner-sub-brands',
    sdkType: 'ContractOwnerSubBrand',
    resource: subBrandResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: {
      list: 'getContractOwnerSubBrands',
      get: 'getContractOwnerSubBrand',
      create: 'createContractOwnerSubBrand',
      update: 'updateContractOwnerSubBrand',
      delete: 'deleteContractOwnerSubBrand',
    },
    useCases,
  })
}
