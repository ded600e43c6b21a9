import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { FILTER_PATTERNS, isRealDate, parseFilter, parseFilterValue, type FilterType } from './filters.ts'

describe('filter syntax', () => {
  it('reads string filters: equality, in: and like:', () => {
    assert.deepEqual(parseFilter('Smith', 'string', 'c'), { column: 'c', operator: '=', value: 'Smith' })
    assert.deepEqual(parseFilter('in:a,b', 'string', 'c'), { column: 'c', operator: 'in', value: ['a', 'b'] })
    assert.deepEqual(parseFilter('like:smi', 'string', 'c'), { column: 'c', operator: 'ilike', value: '%smi%' })
    assert.deepEqual(parseFilter('like:sm%h', 'string', 'c'), { column: 'c', operator: 'ilike', value: 'sm%h' })
    assert.deepEqual(parseFilter('like:a_b', 'string', 'c'), { column: 'c', operator: 'ilike', value: '%a\\_b%' })
    assert.deepEqual(parseFilter('Acme: Ltd', 'string', 'c'), { column: 'c', operator: '=', value: 'Acme: Ltd' })
    assert.equal(typeof parseFilter('like:', 'string', 'c'), 'string')
  })

  it('refuses a like: pattern that ends in the escape character of LIKE with nothing to escape', () => {
    for (const raw of ['like:50%\\', 'like:%a\\\\\\', 'like:\\%\\']) {
      assert.match(String(parseFilter(raw, 'string', 'c')), /must not end with LIKE's escape character/, raw)
      assert.doesNotMatch(raw, new RegExp(FILTER_PATTERNS.string.full, 'u'), `the documented pattern refuses ${raw} too`)
    }
    for (const raw of ['like:50%\\\\', 'like:a\\', 'like:%\\%']) {
      assert.notEqual(typeof parseFilter(raw, 'string', 'c'), 'string', raw)
      assert.match(raw, new RegExp(FILTER_PATTERNS.string.full, 'u'), raw)
    }
  })

  it('reads ids, numbers and booleans, and refuses what is not one', () => {
    assert.deepEqual(parseFilter('12', 'id', 'c'), { column: 'c', operator: '=', value: 12 })
    assert.deepEqual(parseFilter('in:1,2', 'id', 'c'), { column: 'c', operator: 'in', value: [1, 2] })
    assert.deepEqual(parseFilter('ge:1.5', 'number', 'c'), { column: 'c', operator: '>=', value: 1.5 })
    assert.deepEqual(parseFilter('false', 'boolean', 'c'), { column: 'c', operator: '=', value: false })
    for (const [raw, type] of [['0', 'id'], ['x', 'id'], ['in:1,x', 'id'], ['gt:1', 'id'], ['like:1', 'number'], ['gt:', 'number'], ['yes', 'boolean']] as const) {
      assert.equal(typeof parseFilter(raw, type, 'c'), 'string', `${type} ${raw} is refused`)
    }
  })

  it('reads dates and date-times with lt:, gt: and gtn:', () => {
    assert.deepEqual(parseFilter('gtn:2024-02-29', 'date', 'c'), { column: 'c', operator: '>|null', value: '2024-02-29' })
    assert.deepEqual(parseFilter('lt:2024-01-01T10:00:00Z', 'datetime', 'c'), { column: 'c', operator: '<', value: new Date('2024-01-01T10:00:00Z') })
    for (const raw of ['gt:0859-12-30T18:50:36+9576', 'gtn:3708-03-07T11:18+30:77', '2024-01-01T00:00:00+16:00']) {
      assert.equal(typeof parseFilter(raw, 'datetime', 'c'), 'string', `${raw} is refused: no such zone offset`)
    }
    for (const raw of ['2023-02-29', '2024-13-01', 'ge:2024-01-01', '24/08/2019']) {
      assert.equal(typeof parseFilter(raw, 'date', 'c'), 'string', `${raw} is refused`)
    }
  })

  it('never fails on any input: it gives a condition or a reason', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('string', 'id', 'number', 'date', 'datetime', 'boolean' as const), (raw, type) => {
        const result = parseFilter(raw, type, 'c')
        assert.ok(typeof result === 'string' || result.column === 'c')
      }),
    )
  })

  it('makes like: without % a literal "contains" match', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !s.includes('%')), (text) => {
        const result = parseFilter(`like:${text}`, 'string', 'c')
        assert.ok(typeof result !== 'string')
        const pattern = String(result.value)
        assert.ok(pattern.startsWith('%') && pattern.endsWith('%'))
        assert.equal(pattern.slice(1, -1).replace(/\\(.)/g, '$1'), text)
      }),
    )
  })

  it('accepts whatever the documented patterns admit (but dates that do not exist)', () => {
    const types = Object.keys(FILTER_PATTERNS) as FilterType[]
    for (const type of types) {
      const { full, value } = FILTER_PATTERNS[type]
      const real = (text: string) => !['date', 'datetime'].includes(type) || [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].every((m) => isRealDate(m[0]))
      // fast-check generates without lookaheads; what it makes must still match the whole pattern.
      const generate = (pattern: string) => fc.stringMatching(new RegExp(pattern.replace(/\(\?![^()]*(\([^()]*\)[^()]*)*\)/g, ''), 'u'))
      const documented = (pattern: string) => (text: string) => new RegExp(pattern, 'u').test(text) && real(text)
      fc.assert(
        fc.property(generate(full).filter(documented(full)), (raw) => {
          assert.notEqual(typeof parseFilter(raw, type, 'c'), 'string', `${type} filter ${JSON.stringify(raw)}`)
        }),
        { numRuns: 200 },
      )
      fc.assert(
        fc.property(generate(value).filter(documented(value)), (raw) => {
          assert.notEqual(typeof parseFilterValue(raw, type, 'c', '>='), 'string', `${type} value ${JSON.stringify(raw)}`)
        }),
        { numRuns: 100 },
      )
    }
  })
})
