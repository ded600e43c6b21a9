import { defineModule } from '../module.ts'
import { userRoutes } from './user.routes.ts'
import { userUseCases } from './user.service.ts'

/** Users (Authentication & Users API): managing who may use the brand, and with which roles. */
export const usersModule = defineModule({
  name: 'users',
  docs: 'users.md',
  permissions: [
    { permission: 'users:read', roles: ['Administrator', 'Read Only'] },
    { permission: 'users:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => userRoutes(app, userUseCases(db)),
})
