import { violatedForeignKey, violatedUniqueConstraint } from '../db/errors.ts'
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

/**
 * Turns a foreign-key violation of a write into 400 `invalid_reference` naming the field: the
 * record it points at was deleted after the write checked it (the checks read, the database
 * decides). Any other error, and a foreign key not in the map, passes through.
 */
export function asInvalidReference(error: unknown, fieldsByConstraint: Record<string, { field: string; value: unknown }>): unknown {
  const violated = violatedForeignKey(error)
  const known = violated === undefined ? undefined : fieldsByConstraint[violated.constraint]
  if (known === undefined) return error
  return new AppError('invalid_reference', {
    message: `Invalid reference in field '${known.field}': ${String(known.value)} does not exist`,
    errors: [{ field: known.field, code: 'invalid_reference', message: `${String(known.value)} does not exist` }],
    cause: error,
  })
}

/**
 * Turns a foreign-key violation of a delete into 409 `in_use`: other records still point at the
 * record. The database decides, so a reference added while the delete runs is never left dangling.
 * `users` names them by the referencing constraint ("customers"), `advice` says what to do first.
 */
export function asInUse(error: unknown, what: string, users: Record<string, string>, advice?: string): unknown {
  const violated = violatedForeignKey(error)
  if (violated === undefined) return error
  const by = users[violated.constraint] ?? 'other records'
  return new AppError('in_use', { message: `${what} is used by ${by} and cannot be deleted${advice === undefined ? '' : `: ${advice}`}`, cause: error })
}
