import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { summarised, wantsSummary } from './summary.ts'

describe('summary', () => {
  const stored = { version: 3, resource: { id: 1, name: 'Card', rentalRates: [{ id: 9 }], accessCharges: [] } }

  it('leaves the named fields out of the resource only when asked, and never changes the stored record', () => {
    assert.deepEqual(summarised(stored, true, ['rentalRates', 'accessCharges', 'absent']), { version: 3, resource: { id: 1, name: 'Card' } })
    assert.equal(summarised(stored, false, ['rentalRates']), stored)
    assert.equal(stored.resource.rentalRates.length, 1)
  })

  it('reads the header: only "true" asks for a summary', () => {
    assert.deepEqual([wantsSummary({ summary: 'true' }), wantsSummary({ summary: 'false' }), wantsSummary({})], [true, false, false])
  })
})
