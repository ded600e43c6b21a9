import { defineModule } from '../module.ts'
import { sourceRoutes } from './source.routes.ts'
import { sourceChargeGroupUseCases, sourceUseCases } from './source.service.ts'

export { sourceChargeGroupIsMaintained } from './source.service.ts'

/** Reference data sources and their charge groups (Reference Data API): only those maintained externally change. */
export const referenceDataSourcesModule = defineModule({
  name: 'reference-data-sources',
  docs: 'reference-data-sources.md',
  permissions: [
    { permission: 'reference-data:read', roles: ['Administrator', 'Customer Manager', 'Read Only'] },
    { permission: 'reference-data:write', roles: ['Administrator'] },
  ],
  register: (app, { db }) => sourceRoutes(app, sourceUseCases(db), sourceChargeGroupUseCases(db)),
})
