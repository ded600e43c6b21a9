import { defineModule } from '../module.ts'
import { callClassRoutes } from './call-class.routes.ts'
import { callClassUseCases, dialstringUseCases } from './call-class.service.ts'

/** Call classes and dialstrings (Reference Data API): what usage is mapped onto source charge groups by. */
export const callClassesModule = defineModule({
  name: 'call-classes',
  docs: 'call-classes-and-dialstrings.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => callClassRoutes(app, callClassUseCases(db), dialstringUseCases(db)),
})
