import { describeTemplateModule } from '../helpers/template-module.ts'

describeTemplateModule({
  path: '/v1/invoice-summary-templates',
  plural: 'Invoice summary templates',
  docsPage: 'invoice-summary-templates.md',
  docsOutput: [/"name":"Multi-site summary","contractOwnerIds":\[\].*"description":"One page per site"/, /\[\{"id":\d+,"name":"Service Charges","contractOwnerIds":\[\]/],
})
