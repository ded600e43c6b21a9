import type { Actor } from '../../auth/actor.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { assertBrandWideWriter } from '../../resources/scope.ts'
import { events } from './event.repository.ts'

/** The longest window a list may ask for (published: createdFrom and createdTo at most 31 days apart). */
export const MAX_WINDOW_DAYS = 31
const DAY_MS = 86_400_000

function windowOf(list: ListRequest): { from: Date; to: Date } {
  const bound = (operator: string) => list.conditions.find((c) => c.column === 'created_date' && c.operator === operator)?.value as Date
  return { from: bound('>='), to: bound('<=') }
}

/** Security events: the whole brand's, for users not restricted to a contract owner. */
export function eventUseCases(db: Database) {
  return {
    list(actor: Actor, list: ListRequest) {
      assertBrandWideWriter(actor, 'Security events')
      const { from, to } = windowOf(list)
      const errors = []
      if (to.getTime() < from.getTime()) errors.push({ field: 'createdTo', code: 'invalid_filter', message: 'must not be before createdFrom' })
      else if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) errors.push({ field: 'createdTo', code: 'invalid_filter', message: `must be at most ${MAX_WINDOW_DAYS} days after createdFrom` })
      if (errors.length > 0) throw new AppError('invalid_query', { message: `Invalid query parameter 'createdTo': ${errors[0]!.message}`, errors })
      return db.readTenant(actor.brandId, (reader) => events.page(reader, list, []))
    },
  }
}
