import type { Permission } from './permissions.ts'

/** The authenticated user a request acts for, as read from the database on every request. */
export interface Actor {
  userId: number
  brandId: number
  username: string
  permissions: ReadonlySet<Permission>
  /** Set when the user may only see and manage one contract owner's data. */
  contractOwnerId: number | null
  /** The request's client address, added by modules that record security events (never cached). */
  address?: string
}
