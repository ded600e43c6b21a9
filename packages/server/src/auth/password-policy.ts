import type { FieldError } from '../errors.ts'
import { COMMON_PASSWORDS } from './common-passwords.ts'

/** The shortest password accepted (also the schema's `minLength`, so a short one is `too_short`). */
export const MIN_PASSWORD_LENGTH = 12

const COMMON = new Set(COMMON_PASSWORDS.split('\n').map((line) => line.trim()).filter((line) => line !== ''))

/**
 * The rules a new password must pass beyond its length: not the username (in any case), not a
 * password from the common list. Answers field errors for `password`, never the password itself.
 */
export function passwordProblems(password: string, username: string): FieldError[] {
  const lower = password.toLowerCase()
  if (lower === username.toLowerCase()) return [{ field: 'password', code: 'weak_password', message: 'must not be the username' }]
  if (COMMON.has(lower)) return [{ field: 'password', code: 'weak_password', message: 'is too common: choose another' }]
  return []
}
