import { recordEvent } from '../events/index.ts'
import { defineModule } from '../module.ts'
import { userChangeEvents } from './user.events.ts'
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
  register(app, { db }) {
    // Security events name the address a change came from.
    app.addHook('preHandler', async (request) => {
      if (request.actor !== null) request.actor = { ...request.actor, address: request.ip }
    })
    userRoutes(
      app,
      userUseCases(db, async (trx, change) => {
        for (const event of userChangeEvents(change)) await recordEvent(trx, event)
      }),
    )
  },
})

/** For the app-clients module: the same escalation rules for the roles of its service users. */
export { assertManageable, assertScopeNotWidened, checkGrantedRoles } from './user.rules.ts'

/** For the CLI: a user made outside the API passes the API's field rules. */
export { newUserFieldErrors } from './user.rules.ts'
