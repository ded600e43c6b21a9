import { defineModule } from '../module.ts'
import { authenticateRoutes } from './authenticate.routes.ts'
import { oauthTokenRoutes } from './oauth-token.routes.ts'

/** Token authentication (Authentication & Users API): `POST /v1/authenticate`, and `POST /oauth2/token` for app clients. */
export const authenticationModule = defineModule({
  name: 'authentication',
  docs: 'authentication.md',
  permissions: [],
  async register(app, { authenticator }) {
    await app.register(authenticateRoutes, { authenticator })
    await app.register(oauthTokenRoutes, { authenticator })
  },
})
