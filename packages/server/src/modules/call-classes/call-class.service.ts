import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases, notFound, visibleRecord } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { FieldMap } from '../../resources/fields.ts'
import { assertNoOverlap } from '../../resources/periods.ts'
import { assertNotProtected } from '../../resources/protected.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import type { ResourceTable, Stored } from '../../resources/table.ts'
import { sourceChargeGroupIsMaintained } from '../reference-data-sources/index.ts'
import { callClasses, dialstrings, samePeriods, type MappedTable } from './call-class.repository.ts'

/** What a call class and a dialstring share: a value under a source charge group, over a period. */
interface Mapped {
  referenceDataSourceChargeGroupId: number
  startDate: string
  endDate?: string
}

const MAINTAINED = 'its reference data source is maintained by Elevate'

/**
 * The rules of records under a source charge group: the group must exist (400 `invalid_reference`)
 * and its source be maintained externally, before and after the write (409 `protected_record`);
 * one value means one thing in a source at any date (409 `overlapping_period`).
 */
function mappedUseCases<M extends FieldMap>(db: Database, table: ResourceTable<M>, name: MappedTable, valueField: string, plural: string) {
  const noun = table.description.noun
  const guard = async (trx: TenantTransaction, row: Record<string, unknown>) =>
    assertNotProtected((await sourceChargeGroupIsMaintained(trx, Number(row.reference_data_source_charge_group_id))) === true, `${noun} ${String(row.id)}`, MAINTAINED)
  const crud = crudUseCases(
    db,
    table,
    brandWideRules(plural, async (trx: TenantTransaction, _actor: Actor, document, current: Stored<unknown> | undefined) => {
      const record = document as unknown as Mapped & Record<string, string>
      assertValid(dateOrderErrors(record.startDate, record.endDate, 'endDate', 'startDate'))
      if (current !== undefined) await guard(trx, current.row)
      const maintained = await sourceChargeGroupIsMaintained(trx, record.referenceDataSourceChargeGroupId)
      const references = new ReferenceErrors()
      references.expect(maintained !== undefined, 'referenceDataSourceChargeGroupId', `reference data source charge group ${record.referenceDataSourceChargeGroupId} does not exist`)
      references.throwIfAny()
      assertNotProtected(maintained === true, `Reference data source charge group ${record.referenceDataSourceChargeGroupId}`, MAINTAINED)
      const others = await samePeriods(trx, name, record[valueField]!, record.referenceDataSourceChargeGroupId, current === undefined ? undefined : Number(current.row.id))
      assertNoOverlap(`${noun} '${record[valueField]}'`, record, others)
    }),
  )
  return {
    ...crud,
    remove: (actor: Actor, id: number, ifMatch?: readonly number[]) =>
      db.withTenant(actor.brandId, async (trx) => {
        assertBrandWideWriter(actor, plural)
        const current = await visibleRecord(trx, table, [], id, true)
        await guard(trx, current.row)
        if (!(await table.remove(trx, id, [], ifMatch))) throw notFound(noun, id)
      }),
  }
}

/** Call classes: how usage no dialstring identifies is rated. */
export function callClassUseCases(db: Database) {
  return mappedUseCases(db, callClasses, 'call_classes', 'callClass', 'Call classes')
}

/** Dialstrings: prefixes of dialled numbers, each mapped onto a source charge group. */
export function dialstringUseCases(db: Database) {
  return mappedUseCases(db, dialstrings, 'dialstrings', 'dialstring', 'Dialstrings')
}

