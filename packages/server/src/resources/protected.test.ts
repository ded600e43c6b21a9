import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../errors.ts'
import { assertNotProtected } from './protected.ts'

describe('protected records', () => {
  it('lets a write through when the record is not protected', () => {
    assert.doesNotThrow(() => assertNotProtected(false, 'Reference data source 3', 'it is maintained by Elevate'))
  })

  it('refuses one with 409 protected_record, saying what and why', () => {
    assert.throws(
      () => assertNotProtected(true, 'Reference data source 3', 'it is maintained by Elevate'),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'protected_record' &&
        error.kind === 'conflict' &&
        error.message === 'Reference data source 3 cannot be changed through the API: it is maintained by Elevate',
    )
  })
})
