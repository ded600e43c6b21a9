import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { emailTemplateResource } from './email-template.fields.ts'
import type { emailTemplateUseCases } from './email-template.service.ts'

/** Email templates (Admin API): list, exists and get; create and update for administrators. */
export function emailTemplateRoutes(app: FastifyInstance, useCases: ReturnType<typeof emailTemplateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/email-templates',
    param: 'emailTemplateId',
    tag: 'email-templates',
    sdkType: 'EmailTemplate',
    resource: emailTemplateResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getEmailTemplates', exists: 'checkEmailTemplate', get: 'getEmailTemplate', create: 'createEmailTemplate', update: 'updateEmailTemplate' },
    useCases,
  })
}
