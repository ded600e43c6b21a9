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
