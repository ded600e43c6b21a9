import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import { brandWideRules, crudUseCases, notFound, visibleRecord, type CrudUseCases } from '../../resources/crud.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import type { DocumentOf, FieldMap } from '../../resources/fields.ts'
import { assertNotProtected } from '../../resources/protected.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import type { ResourceTable } from '../../resources/table.ts'
import type { sourceChargeGroupFields } from './source.fields.ts'
import { sourceChargeGroupMaintenance, sourceChargeGroups, sourceMaintenance, sources } from './source.repository.ts'

const MAINTAINED = 'its reference data source is maintained by Elevate'

/** A delete that first asks whether the stored record may be changed (409 otherwise). */
function guardedRemove<M extends FieldMap>(db: Database, table: ResourceTable<M>, plural: string, guard: (trx: TenantTransaction, row: Record<string, unknown>) => Promise<void>): CrudUseCases<M>['remove'] {
  return (actor: Actor, id: number, ifMatch?: readonly number[]) =>
    db.withTenant(actor.brandId, async (trx) => {
      assertBrandWideWriter(actor, plural)
      const current = await visibleRecord(trx, table, [], id, true)
      await guard(trx, current.row)
      if (!(await table.remove(trx, id, [], ifMatch))) throw notFound(table.description.noun, id)
    })
}

/**
 * Reference data sources: those created through the API are maintained externally
 * (`siMaintained` false) and may be changed; one Elevate maintains is shown but not changed
 * (409 `protected_record`). A source with charge groups is not deleted (409 `in_use`).
 */
export function sourceUseCases(db: Database) {
  const guard = async (_trx: TenantTransaction, row: Record<string, unknown>) => assertNotProtected(row.si_maintained === true, `Reference data source ${String(row.id)}`, 'it is maintained by Elevate')
  const crud = crudUseCases(
    db,
    sources,
    brandWideRules('Reference data sources', async (trx, _actor, _document, current) => {
      if (current !== undefined) await guard(trx, current.row)
    }),
  )
  return { ...crud, remove: guardedRemove(db, sources, 'Reference data sources', guard) }
}

/**
 * A source's charge groups: the source must exist and be maintained externally, before and after
 * the write (409 `protected_record` otherwise); the charge group must exist (400
 * `invalid_reference`, decided by its foreign key); the code is unique within the source (409).
 */
export function sourceChargeGroupUseCases(db: Database) {
  const guard = async (trx: TenantTransaction, row: Record<string, unknown>) =>
    assertNotProtected((await sourceMaintenance(trx, Number(row.reference_data_source_id))) === true, `Reference data source charge group ${String(row.id)}`, MAINTAINED)
  const crud = crudUseCases(
    db,
    sourceChargeGroups,
    brandWideRules('Reference data source charge groups', async (trx, _actor, group: DocumentOf<typeof sourceChargeGroupFields>, current) => {
      assertValid(dateOrderErrors(group.startDate, group.endDate, 'endDate', 'startDate'))
      if (current !== undefined) await guard(trx, current.row)
      const maintained = await sourceMaintenance(trx, group.referenceDataSourceId)
      const references = new ReferenceErrors()
      references.expect(maintained !== undefined, 'referenceDataSourceId', `reference data source ${group.referenceDataSourceId} does not exist`)
      references.throwIfAny()
      assertNotProtected(maintained === true, `Reference data source ${group.referenceDataSourceId}`, 'it is maintained by Elevate, and so are its charge groups')
    }),
  )
  return { ...crud, remove: guardedRemove(db, sourceChargeGroups, 'Reference data source charge groups', guard) }
}

/**
 * For the records that belong to a source charge group (call classes, dialstrings): whether the
 * group's source is maintained by Elevate (then they are not changed through the API), or
 * undefined when there is no such source charge group.
 */
export function sourceChargeGroupIsMaintained(trx: TenantTransaction, sourceChargeGroupId: number): Promise<boolean | undefined> {
  return sourceChargeGroupMaintenance(trx, sourceChargeGroupId)
}
