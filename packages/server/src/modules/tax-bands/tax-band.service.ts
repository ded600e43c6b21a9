import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf } from '../../resources/fields.ts'
import { assertNoOverlap } from '../../resources/periods.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import type { Stored } from '../../resources/table.ts'
import type { taxBandFields, taxBandRateFields } from './tax-band.fields.ts'
import { clearFlagOnOthers, insertStandardBand, lockFlags, lockTaxBand, ratePeriods, taxBandRates, taxBands } from './tax-band.repository.ts'

export { taxBandLookup } from './tax-band.repository.ts'

type Current = Stored<unknown> | undefined
const idOf = (current: Current) => (current === undefined ? undefined : Number(current.row.id))

/**
 * Tax bands: brand-wide reference data. Setting `defaultBand` (or `usedForEtc`) on a band moves it
 * there from the band that had it, in the same transaction; concurrent moves queue on a lock, so
 * each succeeds and the last one holds the flag.
 */
export function taxBandUseCases(db: Database) {
  return crudUseCases(
    db,
    taxBands,
    brandWideRules('Tax bands', async (trx: TenantTransaction, actor: Actor, band: DocumentOf<typeof taxBandFields>, current: Stored<{ defaultBand: boolean; usedForEtc?: boolean }> | undefined) => {
      // Only a write that takes a flag locks: a band keeping its flag has nothing to clear, and
      // waiting for the lock while holding its row could deadlock with the writer clearing it.
      const takesDefault = band.defaultBand && current?.resource.defaultBand !== true
      const takesEtc = band.usedForEtc === true && current?.resource.usedForEtc !== true
      if (takesDefault || takesEtc) await lockFlags(trx, actor.brandId)
      if (takesDefault) await clearFlagOnOthers(trx, 'default_band', idOf(current))
      if (takesEtc) await clearFlagOnOthers(trx, 'used_for_etc', idOf(current))
    }),
  )
}

/**
 * A tax band's rates: an end before the start is 400, a band that does not exist 400
 * `invalid_reference`, a period sharing a date with another rate of the band 409
 * `overlapping_period`. The band is locked first, so two writers cannot both pass the check.
 */
export function taxBandRateUseCases(db: Database) {
  return crudUseCases(
    db,
    taxBandRates,
    brandWideRules('Tax band rates', async (trx: TenantTransaction, _actor: Actor, rate: DocumentOf<typeof taxBandRateFields>, current: Current) => {
      assertValid(dateOrderErrors(rate.startDate, rate.endDate, 'endDate', 'startDate'))
      const references = new ReferenceErrors()
      references.expect(await lockTaxBand(trx, rate.taxBandId), 'taxBandId', `tax band ${rate.taxBandId} does not exist`)
      references.throwIfAny()
      assertNoOverlap('Tax band rate', rate, await ratePeriods(trx, rate.taxBandId, idOf(current)))
    }),
  )
}

/** A new brand starts with one standard band (T1, the default, 20% from 4 January 2011). */
export async function seedTaxBands(trx: TenantTransaction): Promise<void> {
  await insertStandardBand(trx)
}
