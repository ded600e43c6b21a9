import type { TenantTransaction } from '../../db/database.ts'
import { recordSecurityEvent, type SecurityEvent } from '../../auth/security-events.ts'
import { defineModule } from '../module.ts'
import { eventRoutes } from './event.routes.ts'
import { eventUseCases } from './event.service.ts'

/** Security events (Events API): read-only. */
export const eventsModule = defineModule({
  name: 'events',
  docs: 'events.md',
  permissions: [{ permission: 'events:read', roles: ['Administrator'] }],
  register: (app, { db }) => eventRoutes(app, eventUseCases(db)),
})

/** For other modules: records an event in the transaction of the change it describes. */
export function recordEvent(trx: TenantTransaction, event: SecurityEvent): Promise<void> {
  return recordSecurityEvent(trx, event)
}
export type { SecurityEvent }
