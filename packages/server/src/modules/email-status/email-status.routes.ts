import type { FastifyInstance } from 'fastify'
import { listRoute } from '../../http/routes/list-routes.ts'
import { emailStatusResource } from './email-status.fields.ts'
import type { emailStatusUseCases } from './email-status.service.ts'

/** The Notifications API: the email-status list, as published (HEAD answers as GET does, without a body). */
export function emailStatusRoutes(app: FastifyInstance, useCases: ReturnType<typeof emailStatusUseCases>): void {
  listRoute(app, {
    path: '/v1/email-status',
    operationId: 'getEmailNotificationsStatus',
    summary: 'Get the status of recent email notifications sent from Elevate',
    description: 'createdDateTime is required (yyyy-MM-ddTHH:mm:ssZ, lt:…, gt:…); bounceType also filters to BOUNCED.',
    tag: 'email-status',
    sdkType: 'EmailStatus',
    permission: 'notifications:read',
    list: emailStatusResource.list,
    item: emailStatusResource.schema,
    handler: useCases.list,
  })
}
