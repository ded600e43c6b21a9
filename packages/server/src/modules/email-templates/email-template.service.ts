import type { Database } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { emailTemplates } from './email-template.repository.ts'
import { substitutionsOf } from './substitutions.ts'

/** Email templates: the texts the platform's emails are made from, with substituted values. */
export function emailTemplateUseCases(db: Database) {
  return crudUseCases(
    db,
    emailTemplates,
    brandWideRules('Email templates', async (_trx, _actor, template) => {
      const { names, errors } = substitutionsOf({ subject: template.subject, body: template.body })
      assertValid(errors)
      return { substitutions: names }
    }),
  )
}
