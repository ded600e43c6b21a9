import { defineModule } from '../module.ts'
import { userRoleRoutes } from './user-role.routes.ts'
import { userRoleUseCases } from './user-role.service.ts'

/** User roles (Authentication & Users API): read-only, seeded per brand. */
export const userRolesModule = defineModule({
  name: 'user-roles',
  docs: 'authentication.md',
  permissions: [
    { permission: 'users:read', roles: ['Administrator', 'Read Only'] },
    { permission: 'users:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => userRoleRoutes(app, userRoleUseCases(db)),
})
