import type { Actor } from '../../auth/actor.ts'
import type { Database, TenantReader } from '../../db/database.ts'
import { assertValid } from '../../errors.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { brandWideRules, crudUseCases, notFound } from '../../resources/crud.ts'
import type { CreateOf } from '../../resources/fields.ts'
import type { supplierAccountFields } from './supplier-account.fields.ts'
import { supplierAccounts, supplierExists } from './supplier.repository.ts'

type CreateBody = CreateOf<typeof supplierAccountFields>
type Parent = { supplierId: number }

async function visibleSupplier(db: TenantReader, id: number): Promise<void> {
  if (!(await supplierExists(db, id))) throw notFound('Supplier', id)
}

/** The accounts of one supplier: the list's conditions, after the supplier is found. */
const ofSupplier = (supplierId: number, conditions: readonly Condition[]): Condition[] => [...conditions, { column: 'supplier_id', operator: '=', value: supplierId }]

/**
 * Supplier accounts: listed and created under their supplier (404 when there is none), read and
 * changed by their own id. Brand-wide, like their supplier.
 */
export function supplierAccountUseCases(db: Database) {
  const crud = crudUseCases(
    db,
    supplierAccounts,
    brandWideRules('Supplier accounts', async (trx, _actor, account, current) => {
      if (current === undefined) await visibleSupplier(trx, account.supplierId!) // fixed afterwards
    }),
  )
  return {
    ...crud,
    list: (actor: Actor, list: ListRequest, { supplierId }: Parent) =>
      db.readTenant(actor.brandId, async (reader) => {
        await visibleSupplier(reader, supplierId)
        return supplierAccounts.page(reader, { ...list, conditions: ofSupplier(supplierId, list.conditions) }, [])
      }),
    exists: (actor: Actor, conditions: Condition[], { supplierId }: Parent) =>
      db.readTenant(actor.brandId, async (reader) => {
        await visibleSupplier(reader, supplierId)
        return supplierAccounts.exists(reader, ofSupplier(supplierId, conditions))
      }),
    create: (actor: Actor, body: CreateBody, { supplierId }: Parent) => {
      if (body.supplierId !== undefined && body.supplierId !== supplierId) {
        assertValid([{ field: 'supplierId', code: 'invalid_value', message: `must be the supplier of the path (${supplierId}), or left out` }])
      }
      return crud.create(actor, { ...body, supplierId })
    },
  }
}
