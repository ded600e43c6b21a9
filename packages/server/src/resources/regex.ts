import type { FieldError } from '../errors.ts'

/**
 * Whether `pattern` is a regular expression the platform can use to validate references (a
 * product's `productReferenceFormat`): it must compile, with Unicode classes (`\p{L}`) or in the
 * classic dialect. It is compiled, never run, so a pathological pattern costs nothing here.
 */
export function isRegularExpression(pattern: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags)
      return true
    } catch {
      // try the other dialect
    }
  }
  return false
}

/** A 400 field error for each named field whose value is not a regular expression (absent values pass). */
export function regexErrors(values: Record<string, string | undefined>): FieldError[] {
  const errors: FieldError[] = []
  for (const [field, pattern] of Object.entries(values)) {
    if (pattern !== undefined && !isRegularExpression(pattern)) errors.push({ field, code: 'invalid_format', message: `is not a valid regular expression: ${JSON.stringify(pattern)}` })
  }
  return errors
}

/**
 * Whether `value` matches the whole of `format` (a product's `productReferenceFormat`, already
 * checked to compile by `isRegularExpression`): anchored, so `[0-9]{4}` does not accept `12345`.
 * Formats are at most 50 characters and values at most 100, which bounds the matching work.
 */
export function matchesFormat(format: string, value: string): boolean {
  for (const flags of ['u', '']) {
    let pattern: RegExp
    try {
      pattern = new RegExp(`^(?:${format})$`, flags)
    } catch {
      continue
    }
    return pattern.test(value)
  }
  return false
}
