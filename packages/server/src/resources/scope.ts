import type { Actor } from '../auth/actor.ts'
import { AppError } from '../errors.ts'
import type { Condition } from '../lists/filters.ts'

/**
 * Contract-owner scope: a user restricted to one contract owner sees only that owner's records
 * (others are not found, their existence not revealed) and may not write outside it (403).
 */
export function scopeConditions(actor: Actor, column: string): Condition[] {
  return actor.contractOwnerId === null ? [] : [{ column, operator: '=', value: actor.contractOwnerId }]
}

export function canSee(actor: Actor, contractOwnerId: number): boolean {
  return actor.contractOwnerId === null || actor.contractOwnerId === contractOwnerId
}

/** Throws 403 when a write would land outside the actor's contract owner. */
export function assertWritableBy(actor: Actor, contractOwnerId: number): void {
  if (!canSee(actor, contractOwnerId)) {
    throw new AppError('insufficient_permission', {
      message: `You may only manage records of contract owner ${actor.contractOwnerId}`,
    })
  }
}

/**
 * Throws 403 when a user restricted to one contract owner writes brand-wide data (admin contacts,
 * email templates): such a user may read it, but a change would reach every contract owner.
 */
export function assertBrandWideWriter(actor: Actor, plural: string): void {
  if (actor.contractOwnerId === null) return
  throw new AppError('insufficient_permission', {
    message: `${plural} belong to the whole brand: a user restricted to contract owner ${actor.contractOwnerId} may read them, not change them`,
  })
}
