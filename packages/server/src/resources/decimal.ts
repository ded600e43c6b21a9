import { Decimal as DecimalJs } from 'decimal.js'
import { Type } from 'typebox'
import type { FieldError } from '../errors.ts'

/**
 * Exact decimals (money, rates, percentages): PostgreSQL `numeric(precision, scale)` in the table,
 * decimal.js in TypeScript, a JSON number on the wire, as the published API writes them
 * (`"exchangeRate": 446.2497`). Never arithmetic on a binary float.
 *
 * Why a JSON number is exact here: a decimal of at most 15 significant digits survives the trip
 * decimal text → double → shortest text (what `JSON.stringify` and `String` write) unchanged, so
 * every value a column of precision ≤ 15 holds is answered digit for digit, and a number a client
 * sends is read back as the decimal it wrote. `decimalSpec` refuses a wider column.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 })
export type Decimal = DecimalJs

/** The digits a value may have: `numeric(precision, scale)`, and an optional range. */
export interface DecimalSpec {
  precision: number
  scale: number
  minimum?: string
  maximum?: string
}

const MAX_EXACT_DIGITS = 15

/** A spec, checked: a column wider than 15 digits could not be answered exactly as a JSON number. */
export function decimalSpec(spec: DecimalSpec): DecimalSpec {
  if (!Number.isInteger(spec.precision) || spec.precision < 1 || spec.precision > MAX_EXACT_DIGITS) throw new Error(`decimal precision ${spec.precision} is not 1..${MAX_EXACT_DIGITS}`)
  if (!Number.isInteger(spec.scale) || spec.scale < 0 || spec.scale > spec.precision) throw new Error(`decimal scale ${spec.scale} is not 0..${spec.precision}`)
  return spec
}

/**
 * The schema keyword that holds a number to `{ precision, scale }`: the body validator checks it
 * with every other field (one 400 lists all errors); the OpenAPI document carries it as an
 * extension beside the description that says the same in words.
 */
export const DECIMAL_KEYWORD = 'x-decimal'

/**
 * The JSON schema of such a value: a number in range, with at most `scale` decimal places and
 * `precision - scale` digits before the point.
 */
export function DecimalNumber(spec: DecimalSpec, options: { description?: string; examples?: number[] } = {}) {
  decimalSpec(spec)
  const range = { ...(spec.minimum === undefined ? {} : { minimum: Number(spec.minimum) }), ...(spec.maximum === undefined ? {} : { maximum: Number(spec.maximum) }) }
  const digits = `at most ${spec.precision - spec.scale} digits before the point and ${spec.scale} after it`
  return Type.Number({
    ...range,
    ...options,
    [DECIMAL_KEYWORD]: { precision: spec.precision, scale: spec.scale },
    description: `${options.description === undefined ? '' : `${options.description}; `}an exact decimal, ${digits}`,
  })
}

/** What is wrong with the digits of a number (too many decimal places or integer digits), if anything. */
export function decimalDigitsProblem(value: number | string, spec: Pick<DecimalSpec, 'precision' | 'scale'>): string | undefined {
  const decimal = parseDecimal(value)
  if (decimal === undefined) return 'must be a number'
  if (decimal.decimalPlaces() > spec.scale) return spec.scale === 0 ? 'must be a whole number' : `must have at most ${spec.scale} decimal places`
  const whole = decimal.abs().truncated()
  if (!whole.isZero() && whole.toFixed().length > spec.precision - spec.scale) return `must have at most ${spec.precision - spec.scale} digits before the decimal point`
  return undefined
}

/** The decimal a JSON value (number or numeric text) stands for; undefined when it is not one. */
export function parseDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Decimal(String(value)) : undefined
  if (typeof value !== 'string' || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return undefined
  return new Decimal(value.trim())
}

/**
 * The field errors of a value that did not come through a body schema (a seed, an import): not a
 * number, wrong digits, out of range. Bodies are checked by the schema of `DecimalNumber`.
 */
export function decimalErrors(field: string, value: unknown, spec: DecimalSpec): FieldError[] {
  const decimal = parseDecimal(value)
  if (decimal === undefined) return [{ field, code: 'invalid_type', message: 'must be a number' }]
  const errors: FieldError[] = []
  const problem = decimalDigitsProblem(decimal.toFixed(), spec)
  if (problem !== undefined) errors.push({ field, code: 'invalid_value', message: problem })
  if (spec.minimum !== undefined && decimal.lessThan(spec.minimum)) errors.push({ field, code: 'out_of_range', message: `must be at least ${spec.minimum}` })
  if (spec.maximum !== undefined && decimal.greaterThan(spec.maximum)) errors.push({ field, code: 'out_of_range', message: `must be at most ${spec.maximum}` })
  return errors
}

/** The exact text a `numeric` column takes (pg sends it unchanged): `20`, `17.5`, never an exponent. */
export function decimalText(value: number | string | Decimal): string {
  const decimal = value instanceof DecimalJs ? value : parseDecimal(value)
  if (decimal === undefined) throw new Error(`not a decimal: ${String(value)}`)
  return decimal.toFixed()
}

/**
 * A field of the map held in a `numeric(precision, scale)` column: a JSON number on the wire,
 * exact text to and from PostgreSQL.
 */
export function decimalFieldOptions<const C extends string>(column: C) {
  return { column, read: decimalNumber, write: (value: number) => decimalText(value) }
}

/** A `numeric` column's text (every digit, trailing zeros of the scale) → the JSON number answered. */
export function decimalNumber(text: string): number {
  // A decimal of at most 15 digits is a double exactly (the module's comment): the common case,
  // read without building a decimal, which a list of rates would do thousands of times a page.
  if (typeof text === 'string' && text.length - (text.charCodeAt(0) === 45 ? 1 : 0) - (text.includes('.') ? 1 : 0) <= MAX_EXACT_DIGITS) return Number(text)
  const decimal = new Decimal(text)
  const answered = Number(decimal.toFixed())
  if (!new Decimal(String(answered)).equals(decimal)) throw new Error(`numeric ${text} cannot be answered exactly as a JSON number`)
  return answered
}
