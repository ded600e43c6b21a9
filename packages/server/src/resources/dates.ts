import type { FieldError } from '../errors.ts'

/** An end date before its start date is invalid (both `yyyy-MM-dd`, so strings compare as dates). */
export function dateOrderErrors(start: string | undefined, end: string | null | undefined, endField: string, startField: string): FieldError[] {
  if (start === undefined || end === undefined || end === null || end >= start) return []
  return [{ field: endField, code: 'invalid_value', message: `must not be before ${startField}` }]
}

/** Omits null columns, so optional fields are absent rather than null in responses. */
export function withoutNulls<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === null || value[key] === undefined) delete value[key]
  return value
}
