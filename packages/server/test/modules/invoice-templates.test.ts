import { describeTemplateModule } from '../helpers/template-module.ts'

describeTemplateModule({
  path: '/v1/invoice-templates',
  plural: 'Invoice templates',
  docsPage: 'invoice-templates.md',
  docsOutput: [/"name":"Standard business invoice","contractOwnerIds":\[\].*"description":"A4, calls summarised"/],
})
