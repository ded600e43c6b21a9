import { describeTemplateModule } from '../helpers/template-module.ts'

describeTemplateModule({
  path: '/v1/electronic-summary-templates',
  plural: 'Electronic summary templates',
  docsPage: 'electronic-summary-templates.md',
  docsOutput: [/"name":"Call detail CSV","contractOwnerIds":\[\].*"description":"One line per call, with costs"/],
})
