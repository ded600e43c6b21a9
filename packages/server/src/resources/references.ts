import { AppError, type FieldError } from '../errors.ts'

/**
 * Collects the references of a write that point nowhere (an id that does not exist in the caller's
 * brand, or not for this contract owner) and reports them all at once as 400 `invalid_reference`.
 */
export class ReferenceErrors {
  private readonly errors: FieldError[] = []

  add(field: string, message: string): void {
    // The same reference named twice (two lookups of one id) is reported once.
    if (this.errors.some((error) => error.field === field && error.message === message)) return
    this.errors.push({ field, code: 'invalid_reference', message })
  }

  /** Adds an error unless `found`. */
  expect(found: boolean, field: string, message: string): void {
    if (!found) this.add(field, message)
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return
    const [first] = this.errors
    const message =
      this.errors.length === 1
        ? `Invalid reference in field '${first!.field}': ${first!.message}`
        : `Invalid references in ${this.errors.length} fields: ${this.errors.map((e) => `'${e.field}' ${e.message}`).join('; ')}`
    throw new AppError('invalid_reference', { message, errors: this.errors })
  }
}
