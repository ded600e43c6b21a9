import type { FastifyInstance } from 'fastify'
import { crudRoutes, idParams } from '../../http/routes/crud-routes.ts'
import { actionRoute, createRoute } from '../../http/routes/write-routes.ts'
import { AppClientWithSecret, appClientResource } from './app-client.fields.ts'
import type { AppClientUseCases } from './app-client.service.ts'

const PATH = '/v1/app-clients'
const common = { tag: 'app-clients', sdkType: 'AppClient' } as const

/** App clients (Authentication & Users API): list, get, create, update, delete, rotate-secret. */
export function appClientRoutes(app: FastifyInstance, useCases: AppClientUseCases): void {
  createRoute(app, {
    ...common,
    sdkResponseType: 'AppClientWithSecret',
    permission: 'users:write',
    path: PATH,
    operationId: 'createAppClient',
    summary: 'Create an app client',
    description: 'The answer carries clientSecret, shown this once.',
    body: appClientResource.createBody,
    response: AppClientWithSecret,
    handler: useCases.create,
  })
  crudRoutes(app, {
    ...common,
    path: PATH,
    param: 'appClientId',
    resource: appClientResource,
    permissions: { read: 'users:read', write: 'users:write' },
    operations: { list: 'getAppClients', get: 'getAppClient', update: 'updateAppClient', delete: 'deleteAppClient' },
    useCases: { list: useCases.list, get: useCases.get, update: useCases.update, remove: useCases.remove },
  })
  actionRoute(app, {
    ...common,
    sdkResponseType: 'AppClientWithSecret',
    sdkMethod: 'rotateSecret',
    permission: 'users:write',
    path: `${PATH}/:appClientId/rotate-secret`,
    operationId: 'rotateAppClientSecret',
    summary: 'Give an app client a new secret',
    description: 'The new secret is answered this once; the old one and the tokens issued with it stop working at once.',
    params: idParams('appClientId'),
    response: { status: 200, schema: AppClientWithSecret },
    errors: [404],
    handler: (actor, { params }) => useCases.rotateSecret(actor, params.appClientId),
  })
}
