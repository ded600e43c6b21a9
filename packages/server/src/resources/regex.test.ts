import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRegularExpression, matchesFormat, regexErrors } from './regex.ts'

describe('regular expressions named by a record', () => {
  it('takes the published examples and Unicode classes', () => {
    for (const pattern of ['.*', '[a-zA-Z0-9]{4,15}', '[0-9]{3,11}', '[a-zA-Z0-9\\-]{3,100}', '^\\p{L}+$', '', '0[1-9][0-9]{8,9}']) assert.ok(isRegularExpression(pattern), pattern)
  })

  it('refuses what does not compile', () => {
    for (const pattern of ['[a-z', '(abc', '*abc', 'a{2,1}', '\\']) assert.ok(!isRegularExpression(pattern), pattern)
  })

  it('names each field whose pattern is broken, and only those', () => {
    assert.deepEqual(
      regexErrors({ productReferenceFormat: '(', additionalProductReferenceFormat: '.*', serviceIdFormat: undefined }).map((e) => `${e.field}:${e.code}`),
      ['productReferenceFormat:invalid_format'],
    )
  })

  it('matches a value against the whole format, with Unicode classes and alternatives', () => {
    assert.ok(matchesFormat('[0-9]{4}', '1234'))
    assert.ok(!matchesFormat('[0-9]{4}', '12345'), 'anchored at the end')
    assert.ok(!matchesFormat('[0-9]{4}', 'x1234'), 'anchored at the start')
    assert.ok(matchesFormat('01|02', '02'))
    assert.ok(!matchesFormat('01|02', '0102'), 'alternatives grouped')
    assert.ok(matchesFormat('^\\p{L}+$', 'Zoë'))
    assert.ok(matchesFormat('.*', ''))
  })
})
