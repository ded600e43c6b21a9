import type { SecurityEvent } from '../events/index.ts'
import type { UserChange } from './user.service.ts'

const sameRoles = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id) => b.includes(id))

/** The security events a user write gives, never with the password (docs/modules/events.md). */
export function userChangeEvents({ actor, before, after, passwordChanged }: UserChange): SecurityEvent[] {
  const event = (action: string, description: string): SecurityEvent => ({ category: 'authentication', action, description, username: after.username, ipAddress: actor.address })
  const by = `by ${actor.username}`
  if (before === undefined) return [event('user-created', `User ${after.username} was created ${by} with roles [${after.userRoles.join(', ')}]`)]
  const events: SecurityEvent[] = []
  if (before.enabled !== after.enabled) events.push(event(after.enabled ? 'user-enabled' : 'user-disabled', `User ${after.username} was ${after.enabled ? 'enabled' : 'disabled'} ${by}`))
  if (!sameRoles(before.userRoles, after.userRoles)) {
    events.push(event('user-roles-changed', `The roles of user ${after.username} were changed from [${before.userRoles.join(', ')}] to [${after.userRoles.join(', ')}] ${by}`))
  }
  if (passwordChanged) events.push(event('user-password-changed', `The password of user ${after.username} was changed ${by}`))
  if (before.contractOwnerId !== after.contractOwnerId) {
    events.push(event('user-scope-changed', `The contract owner of user ${after.username} was changed from ${before.contractOwnerId ?? 'none'} to ${after.contractOwnerId ?? 'none'} ${by}`))
  }
  return events
}
