import type { FastifyInstance } from 'fastify'
import { sendCreated } from '../../http/resources.ts'
import { crudRoutes, idParams } from '../../http/routes/crud-routes.ts'
import { describe } from '../../http/routes/operation.ts'
import { refuseBody } from '../../http/routes/write-routes.ts'
import { errorResponses, withHeaders } from '../../http/schemas.ts'
import { AppClientWithSecret, appClientResource } from './app-client.fields.ts'
import type { AppClientUseCases } from './app-client.service.ts'

const PATH = '/v1/app-clients'
const common = { tag: 'app-clients', sdkType: 'AppClient', sdkResponseType: 'AppClientWithSecret', permission: 'users:write' } as const
/**
 * The two answers that carry a secret are never kept for Idempotency-Key replays: the secret is
 * stored only as a hash. A create retried after a lost answer gets 409 (the name is taken).
 */
const secretBearing = { auth: 'bearer', permission: 'users:write', idempotent: false } as const

/** App clients (Authentication & Users API): list, get, create, update, delete, rotate-secret. */
export function appClientRoutes(app: FastifyInstance, useCases: AppClientUseCases): void {
  app.post(
    PATH,
    {
      config: secretBearing,
      schema: {
        ...describe({ ...common, path: PATH, operationId: 'createAppClient', summary: 'Create an app client', description: 'The answer carries clientSecret, shown this once (never replayed for an Idempotency-Key).' }, 'create'),
        body: appClientResource.createBody,
        response: { 201: withHeaders(AppClientWithSecret, ['Location', 'ETag']), ...errorResponses([409]) },
      },
    },
    async (request, reply) => sendCreated(reply, PATH, await useCases.create(request.actor, request.body as Parameters<AppClientUseCases['create']>[1])),
  )
  crudRoutes(app, {
    tag: common.tag,
    sdkType: common.sdkType,
    path: PATH,
    param: 'appClientId',
    resource: appClientResource,
    permissions: { read: 'users:read', write: 'users:write' },
    operations: { list: 'getAppClients', get: 'getAppClient', update: 'updateAppClient', delete: 'deleteAppClient' },
    useCases: { list: useCases.list, get: useCases.get, update: useCases.update, remove: useCases.remove },
  })
  const rotate = `${PATH}/:appClientId/rotate-secret`
  app.post(
    rotate,
    {
      config: secretBearing,
      schema: {
        ...describe({ ...common, path: rotate, operationId: 'rotateAppClientSecret', summary: 'Give an app client a new secret', description: 'The new secret is answered this once; the old one and the tokens issued with it stop working at once.' }, 'rotateSecret'),
        params: idParams('appClientId'),
        response: { 200: AppClientWithSecret, ...errorResponses([404]) },
      },
    },
    async (request) => {
      refuseBody(request.body)
      return useCases.rotateSecret(request.actor, (request.params as { appClientId: number }).appClientId)
    },
  )
}
