import type { FastifyInstance } from 'fastify'
import { listRoute } from '../../http/routes/list-routes.ts'
import { eventResource } from './event.fields.ts'
import type { eventUseCases } from './event.service.ts'

/** Events (Events API): the list only, as published. */
export function eventRoutes(app: FastifyInstance, useCases: ReturnType<typeof eventUseCases>): void {
  listRoute(app, {
    path: '/v1/events',
    operationId: 'findEvents',
    summary: 'List security events',
    description: 'createdFrom and createdTo are required and at most 31 days apart; newest last unless sorted.',
    tag: 'events',
    sdkType: 'Event',
    permission: 'events:read',
    list: eventResource.list,
    item: eventResource.schema,
    handler: useCases.list,
  })
}
