import { AppError } from '../errors.ts'

/** The moves a state machine allows: from each state, the states it may go to. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>

/**
 * Refuses a move the table does not allow with 409, naming the current state and the allowed
 * moves, so a client sees why and what it may do instead. Staying in the same state is no move.
 */
export function assertTransition<S extends string>(transitions: Transitions<S>, noun: string, field: string, from: S, to: S): void {
  if (from === to || transitions[from].includes(to)) return
  const allowed = transitions[from]
  const moves = allowed.length === 0 ? 'none: it is final' : allowed.join(', ')
  throw new AppError('invalid_transition', {
    message: `${noun} cannot move from ${from} to ${to}; from ${from} it may move to ${moves}`,
    errors: [{ field, code: 'invalid_transition', message: `cannot change from ${from} to ${to} (allowed: ${moves})` }],
  })
}
