import { AppError } from '../errors.ts'

/**
 * Records the API shows but does not change: reference data kept by its feed (a reference data
 * source maintained by Elevate, and what belongs to it), seeded categories. A write to one, or to
 * a record under one, is 409 `protected_record`, with `why` saying who maintains it; the check
 * runs on the stored record (before a patch is applied) and, for a record that names its owner,
 * on the owner it would have after the write.
 */
export function assertNotProtected(isProtected: boolean, what: string, why: string): void {
  if (isProtected) throw new AppError('protected_record', { message: `${what} cannot be changed through the API: ${why}` })
}
