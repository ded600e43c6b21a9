import { violatedUniqueConstraint } from '../db/errors.ts'
import { AppError } from '../errors.ts'

/**
 * Turns a unique-constraint violation into 409 `already_exists` naming the field, so concurrent
 * duplicates are decided by the database: one insert wins, every other gets a 409, never a 500.
 * Any other error passes through.
 */
export function asConflict(error: unknown, fieldsByConstraint: Record<string, { field: string; value: unknown }>): unknown {
  const constraint = violatedUniqueConstraint(error)
  const known = constraint === undefined ? undefined : fieldsByConstraint[constraint]
  if (known === undefined) return error
  const message = `'${String(known.value)}' is already taken`
  return new AppError('already_exists', {
    message: `A resource with ${known.field} '${String(known.value)}' already exists`,
    errors: [{ field: known.field, code: 'already_exists', message }],
    cause: error,
  })
}
