import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Actor } from '../auth/actor.ts'
import type { TenantTransaction } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { brandWideRules } from './crud.ts'
import type { FieldMap } from './fields.ts'
import { assertBrandWideWriter, scopeConditions } from './scope.ts'

const actor = (contractOwnerId: number | null): Actor => ({ userId: 1, brandId: 1, username: 'u', permissions: new Set(), contractOwnerId })
const trx = {} as TenantTransaction

describe('brand-wide data', () => {
  it('is written only by users not restricted to a contract owner (403 naming the data)', () => {
    assert.doesNotThrow(() => assertBrandWideWriter(actor(null), 'Admin contacts'))
    assert.throws(
      () => assertBrandWideWriter(actor(4), 'Admin contacts'),
      (error) => error instanceof AppError && error.code === 'insufficient_permission' && /^Admin contacts belong to the whole brand/.test(error.message),
    )
  })

  it('is read by every user of the brand, and the module check runs after the writer check', async () => {
    const seen: string[] = []
    const rules = brandWideRules<FieldMap>('Email templates', async () => void seen.push('module'))
    assert.deepEqual(rules.scope(actor(4)), [])
    assert.notDeepEqual(scopeConditions(actor(4), 'contract_owner_id'), [], 'unlike owned data')
    await rules.check!(trx, actor(null), {}, undefined)
    assert.deepEqual(seen, ['module'])
    await assert.rejects(rules.check!(trx, actor(4), {}, undefined), (error) => error instanceof AppError && error.code === 'insufficient_permission')
    assert.deepEqual(seen, ['module'], 'a refused writer never reaches the module check')
  })

  it('is deleted only by users not restricted to a contract owner, like any other write', () => {
    const rules = brandWideRules<FieldMap>('Currencies')
    assert.doesNotThrow(() => rules.assertMayRemove!(actor(null)))
    assert.throws(() => rules.assertMayRemove!(actor(4)), (error) => error instanceof AppError && error.code === 'insufficient_permission' && /^Currencies belong to the whole brand/.test(error.message))
  })
})
