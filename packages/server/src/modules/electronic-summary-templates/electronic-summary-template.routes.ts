import type { FastifyInstance } from 'fastify'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { electronicSummaryTemplateResource } from './electronic-summary-template.fields.ts'
import type { electronicSummaryTemplateUseCases } from './electronic-summary-template.service.ts'

/** Electronic summary templates (Admin API): list, exists and get; create and update for administrators. */
export function electronicSummaryTemplateRoutes(app: FastifyInstance, useCases: ReturnType<typeof electronicSummaryTemplateUseCases>): void {
  crudRoutes(app, {
    path: '/v1/electronic-summary-templates',
    param: 'electronicSummaryTemplateId',
    tag: 'electronic-summary-templates',
    sdkType: 'ElectronicSummaryTemplate',
    resource: electronicSummaryTemplateResource,
    permissions: { read: 'admin:read', write: 'admin:write' },
    operations: { list: 'getElectronicSummaryTemplates', exists: 'checkElectronicSummaryTemplate', get: 'getElectronicSummaryTemplate', create: 'createElectronicSummaryTemplate', update: 'updateElectronicSummaryTemplate' },
    useCases,
  })
}
