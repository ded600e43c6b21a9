import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRegularExpression, regexErrors } from './regex.ts'

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
})
