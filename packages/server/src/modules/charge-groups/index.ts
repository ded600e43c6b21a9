import { defineModule } from '../module.ts'
import { chargeGroupRoutes } from './charge-group.routes.ts'
import { chargeGroupCategoryUseCases, chargeGroupUseCases } from './charge-group.service.ts'

/** Charge group categories and charge groups (Reference Data API). */
export const chargeGroupsModule = defineModule({
  name: 'charge-groups',
  docs: 'charge-groups.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => chargeGroupRoutes(app, chargeGroupCategoryUseCases(db), chargeGroupUseCases(db)),
})

/** For other modules (usage rates, inclusive usage plans): which of some ids are charge groups, or charge group categories. */
export { chargeGroupCategoriesAmong, chargeGroupsAmong } from './charge-group.service.ts'
/** For the usage rate overrides: whether a charge group exists, in one `lookUp` with other references. */
export { chargeGroupLookup } from './charge-group.service.ts'
