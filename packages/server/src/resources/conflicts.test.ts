import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import { asConflict, asInUse, asInvalidReference } from './conflicts.ts'

/** An error shaped as pg's DatabaseError for a violated constraint. */
const pgError = (code: string, constraint: string, table = 'customers') =>
  Object.assign(new Error(`violates constraint "${constraint}"`), { code, constraint, table })

const FK = 'customers_brand_id_contract_owner_sub_brand_id_fkey'

describe('constraint violations as contract errors', () => {
  it('a unique violation is 409 already_exists naming the field; others pass through', () => {
    const mapped = asConflict(pgError('23505', 'customers_account_number_key'), { customers_account_number_key: { field: 'customerAccountNumber', value: 'SI0001' } })
    assert.ok(mapped instanceof AppError)
    assert.equal(mapped.code, 'already_exists')
    assert.deepEqual(mapped.errors?.map((e) => e.field), ['customerAccountNumber'])
    const other = pgError('23505', 'another_key')
    assert.equal(asConflict(other, {}), other)
  })

  it('a foreign-key violation of a delete is 409 in_use saying what uses the record and what to do', () => {
    const mapped = asInUse(pgError('23503', FK), 'Contract owner sub-brand 7', { [FK]: 'customers' }, 'move them to another sub-brand first')
    assert.ok(mapped instanceof AppError)
    assert.equal(mapped.code, 'in_use')
    assert.equal(mapped.message, 'Contract owner sub-brand 7 is used by customers and cannot be deleted: move them to another sub-brand first')
    const unnamed = asInUse(pgError('23503', 'sites_fkey', 'sites'), 'Customer 3', {})
    assert.ok(unnamed instanceof AppError)
    assert.equal(unnamed.message, 'Customer 3 is used by other records and cannot be deleted')
  })

  it('a foreign-key violation of a write is 400 invalid_reference naming the field, when the key is known', () => {
    const mapped = asInvalidReference(pgError('23503', FK), { [FK]: { field: 'contractOwnerSubBrandId', value: 7 } })
    assert.ok(mapped instanceof AppError)
    assert.equal(mapped.code, 'invalid_reference')
    assert.deepEqual(mapped.errors, [{ field: 'contractOwnerSubBrandId', code: 'invalid_reference', message: '7 does not exist' }])
    const unknown = pgError('23503', 'other_fkey')
    assert.equal(asInvalidReference(unknown, { [FK]: { field: 'x', value: 1 } }), unknown)
  })

  it('leaves every other error alone', () => {
    for (const error of [new Error('boom'), pgError('23502', 'not_null'), new AppError('already_exists'), undefined]) {
      assert.equal(asInUse(error, 'X 1', {}), error)
      assert.equal(asInvalidReference(error, {}), error)
    }
  })
})
