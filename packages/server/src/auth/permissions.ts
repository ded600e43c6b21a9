/**
 * Permissions are per API module and per access (read, write). Roles grant them; a route names the
 * one it needs (`config.permission`), and the contract layer answers 403 without it.
 */
export const PERMISSIONS = [
  'users:read',
  'users:write',
  'customers:read',
  'customers:write',
  'admin:read',
  'admin:write',
] as const

export type Permission = (typeof PERMISSIONS)[number]

/** The roles every new brand starts with. */
export const SEEDED_ROLES: ReadonlyArray<{ name: string; permissions: readonly Permission[] }> = [
  { name: 'Administrator', permissions: PERMISSIONS },
  { name: 'Customer Manager', permissions: ['customers:read', 'customers:write', 'admin:read'] },
  { name: 'Read Only', permissions: ['users:read', 'customers:read', 'admin:read'] },
]
