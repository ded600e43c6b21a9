import { defineModule } from '../module.ts'
import { appClientRoutes } from './app-client.routes.ts'
import { appClientUseCases } from './app-client.service.ts'

/** App clients (Authentication & Users API): machine access with client credentials. */
export const appClientsModule = defineModule({
  name: 'app-clients',
  docs: 'app-clients.md',
  permissions: [
    { permission: 'users:read', roles: ['Administrator', 'Read Only'] },
    { permission: 'users:write', roles: ['Administrator'] },
  ],
  register(app, { db }) {
    // Security events name the address a change came from.
    app.addHook('preHandler', async (request) => {
      if (request.actor !== null) request.actor = { ...request.actor, address: request.ip }
    })
    appClientRoutes(app, appClientUseCases(db))
  },
})
