import { resourceTable } from '../../resources/table.ts'
import { eventResource } from './event.fields.ts'
import type {} from '../../auth/security-events.ts' // declares the table

export const events = resourceTable('security_events', eventResource)
