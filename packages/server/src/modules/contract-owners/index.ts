import { defineModule } from '../module.ts'
import { contractOwnerRoutes } from './contract-owner.routes.ts'
import { contractOwnerUseCases, seedContractOwner } from './contract-owner.service.ts'

/** Contract owners (Admin API). */
export const contractOwnersModule = defineModule({
  name: 'contract-owners',
  docs: 'admin.md',
  permissions: [
    { permission: 'admin:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'admin:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => contractOwnerRoutes(app, contractOwnerUseCases(db)),
  seed: seedContractOwner,
})

/** For other modules: whether a contract owner exists in the transaction's brand (alone or as a lookup); which of some ids do. */
export { contractOwnerExists, contractOwnerLookup, contractOwnersAmong, firstContractOwner } from './contract-owner.service.ts'
