import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { Type } from 'typebox'
import { bodyValidator } from '../validation.ts'
import { Decimal, DecimalNumber, decimalErrors, decimalNumber, decimalSpec, decimalText, parseDecimal } from './decimal.ts'

const RATE = { precision: 7, scale: 4, minimum: '0', maximum: '100' }

describe('exact decimals', () => {
  it('reads a JSON number as the decimal the client wrote, never as its binary neighbour', () => {
    assert.equal(parseDecimal(0.1)!.plus(parseDecimal(0.2)!).toFixed(), '0.3')
    assert.equal(decimalText(17.5), '17.5')
    assert.equal(decimalText(1e-7), '0.0000001', 'never an exponent in a numeric column')
    assert.equal(decimalText('20.0000'), '20')
    assert.equal(parseDecimal('abc'), undefined)
    assert.equal(parseDecimal(Number.NaN), undefined)
  })

  it('answers a numeric column digit for digit as a JSON number', () => {
    assert.equal(decimalNumber('20.0000'), 20)
    assert.equal(JSON.stringify({ rate: decimalNumber('446.2497') }), '{"rate":446.2497}')
    assert.equal(JSON.stringify({ rate: decimalNumber('99999999999.9999') }), '{"rate":99999999999.9999}')
    assert.throws(() => decimalNumber('12345678901234567.89'), /cannot be answered exactly/)
  })

  it('answers every numeric text of up to 15 digits as exactly the number of its digits, sign and trailing zeros included', () => {
    const numericText = fc
      .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9][0-9]{0,8})$/), fc.stringMatching(/^[0-9]{0,6}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`)
    fc.assert(
      fc.property(numericText, (text) => {
        const answered = decimalNumber(text)
        assert.ok(new Decimal(String(answered)).equals(new Decimal(text)), `${text} answered ${answered}`)
      }),
      { numRuns: 2000 },
    )
    assert.equal(JSON.stringify(decimalNumber('-0.000')), '0')
    assert.equal(decimalNumber('999999999.999999'), 999999999.999999)
  })

  it('refuses a column a JSON number could not answer exactly', () => {
    assert.throws(() => decimalSpec({ precision: 16, scale: 2 }), /precision/)
    assert.throws(() => decimalSpec({ precision: 4, scale: 5 }), /scale/)
    assert.doesNotThrow(() => decimalSpec(RATE))
  })

  it('states what is wrong with a value that did not come through a body', () => {
    assert.deepEqual(decimalErrors('rate', 12.5, RATE), [])
    assert.deepEqual(decimalErrors('rate', '12.34567', RATE).map((e) => e.message), ['must have at most 4 decimal places'])
    assert.deepEqual(decimalErrors('rate', 1000, RATE).map((e) => `${e.code}:${e.message}`), ['invalid_value:must have at most 3 digits before the decimal point', 'out_of_range:must be at most 100'])
    assert.deepEqual(decimalErrors('rate', -1, RATE).map((e) => e.code), ['out_of_range'])
    assert.deepEqual(decimalErrors('rate', true, RATE).map((e) => e.code), ['invalid_type'])
  })

  it('checks the digits in the body schema, with every other field error at once', () => {
    const validate = bodyValidator(Type.Object({ name: Type.String({ minLength: 1 }), rate: DecimalNumber(RATE), fee: DecimalNumber({ precision: 5, scale: 0 }) }, { additionalProperties: false }))
    assert.deepEqual(validate({ name: 'x', rate: 20.1234, fee: 12345 }), [])
    const errors = validate({ name: '', rate: 20.12345, fee: 1.5 })
    assert.deepEqual(errors.map((e) => `${e.field}:${e.code}:${e.message}`), [
      'name:too_short:must not be empty',
      'rate:invalid_value:must have at most 4 decimal places',
      'fee:invalid_value:must be a whole number',
    ])
    assert.deepEqual(validate({ name: 'x', rate: 100.5, fee: 1 }).map((e) => `${e.field}:${e.code}`), ['rate:out_of_range'])
    assert.ok(new Decimal('1').dividedBy(3).toFixed().startsWith('0.3333'))
  })
})
