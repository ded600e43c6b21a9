import { sql } from 'kysely'
import type { TenantReader } from '../../db/database.ts'
import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { taxBandRateResource, taxBandResource } from './tax-band.fields.ts'
import './tax-band.table.ts'

export const taxBands = resourceTable('tax_bands', taxBandResource, {
  unique: { tax_bands_code_key: 'code', tax_bands_name_key: 'name', tax_bands_default_key: 'defaultBand', tax_bands_etc_key: 'usedForEtc' },
})

export const taxBandRates = resourceTable('tax_band_rates', taxBandRateResource, { references: { tax_band_rates_tax_band_fkey: 'taxBandId' } })

/** The flags a band takes from the others: one default band, one band for early termination charges. */
export type ExclusiveFlag = 'default_band' | 'used_for_etc'

/**
 * Serialises the writes that move a flag to another band, per brand, until the transaction ends:
 * the next one's clear then sees the band the last one gave it to (a band inserted by a
 * transaction still running is invisible to an UPDATE, which would leave two holders: a 409 from
 * the unique index where the write should simply take the flag).
 */
export async function lockFlags(db: TenantReader, brandId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`elevate:tax_band_flags:${brandId}`}))`.execute(db)
}

/** Clears `flag` on every band but `keep` (a new band: none kept), bumping their versions. */
export async function clearFlagOnOthers(db: TenantReader, flag: ExclusiveFlag, keep: number | undefined): Promise<void> {
  let query = db
    .updateTable('tax_bands')
    .set((eb) => ({ [flag]: false, version: eb('version', '+', 1), updated_date: new Date() }))
    // A literal, so that a generic plan finds the holder through the flag's partial unique index.
    .where(flag, '=', sql.lit(true))
  if (keep !== undefined) query = query.where('id', '<>', keep)
  await query.execute()
}

/** Locks a tax band (its rates are written one at a time); false when there is none. */
export async function lockTaxBand(db: TenantReader, id: number): Promise<boolean> {
  return (await db.selectFrom('tax_bands').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined
}

/** The periods of a band's rates, but `except` (the rate being updated). */
export async function ratePeriods(db: TenantReader, taxBandId: number, except: number | undefined) {
  let query = db.selectFrom('tax_band_rates').select(['id', 'start_date as startDate', 'end_date as endDate']).where('tax_band_id', '=', taxBandId)
  if (except !== undefined) query = query.where('id', '<>', except)
  return query.orderBy('start_date').execute()
}

/** A new brand's standard band and its rate. */
export async function insertStandardBand(db: TenantReader): Promise<void> {
  const band = await db.insertInto('tax_bands').values({ code: 'T1', name: 'Standard', default_band: true, used_for_etc: true }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('tax_band_rates').values({ tax_band_id: band.id, rate: '20', start_date: '2011-01-04', end_date: null }).execute()
}

/** The tax band's id, when it exists in the brand (for `lookUp`). */
export const taxBandLookup = (id: number): Lookup<number> => (db) => db.selectFrom('tax_bands').select('id as value').where('id', '=', id)
