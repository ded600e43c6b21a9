import { defineModule } from '../module.ts'
import { authenticateRoutes } from './authenticate.routes.ts'

/** Token authentication (Authentication & Users API): `POST /v1/authenticate`. */
export const authenticationModule = defineModule({
  name: 'authentication',
  docs: 'authentication.md',
  permissions: [],
  async register(app, { authenticator }) {
    await app.register(authenticateRoutes, { authenticator })
  },
})
