import { defineModule } from '../module.ts'
import { ignoredRoutes } from './ignored.routes.ts'
import { ignoredCallClassUseCases, ignoredServiceIdUseCases } from './ignored.service.ts'

/** Ignored call classes and ignored service ids (Reference Data API): usage that is not rated. */
export const ignoredUsageModule = defineModule({
  name: 'ignored-usage',
  docs: 'ignored-call-classes-and-service-ids.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => ignoredRoutes(app, ignoredCallClassUseCases(db), ignoredServiceIdUseCases(db)),
})
