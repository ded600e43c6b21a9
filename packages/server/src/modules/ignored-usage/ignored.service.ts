import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { assertNoOverlap } from '../../resources/periods.ts'
import type { Stored } from '../../resources/table.ts'
import type { ignoredCallClassFields } from './ignored.fields.ts'
import { ignoredCallClasses, ignoredPeriods, ignoredServiceIds } from './ignored.repository.ts'

/** Today in UTC, `yyyy-MM-dd`: the start of an ignored call class sent without one. */
const today = () => new Date().toISOString().slice(0, 10)

/**
 * Ignored call classes: a start left out is today; the end is not before the start (400); the
 * periods of one call class never share a date (409 `overlapping_period`).
 */
export function ignoredCallClassUseCases(db: Database) {
  return crudUseCases(
    db,
    ignoredCallClasses,
    brandWideRules('Ignored call classes', async (trx: TenantTransaction, _actor: Actor, ignored: DocumentOf<typeof ignoredCallClassFields>, current: Stored<unknown> | undefined) => {
      const startDate = ignored.startDate ?? today()
      assertValid(dateOrderErrors(startDate, ignored.endDate, 'endDate', 'startDate'))
      const others = await ignoredPeriods(trx, ignored.callClass, current === undefined ? undefined : Number(current.row.id))
      assertNoOverlap(`Ignored call class '${ignored.callClass}'`, { startDate, endDate: ignored.endDate }, others)
      return { start_date: startDate }
    }),
  )
}

/** Ignored service ids: each at most once in the brand (409 `already_exists`). */
export function ignoredServiceIdUseCases(db: Database) {
  return crudUseCases(db, ignoredServiceIds, brandWideRules('Ignored service ids'))
}
