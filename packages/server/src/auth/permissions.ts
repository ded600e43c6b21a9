/**
 * Permissions are per API module and per access (read, write): `customers:read`. Each module
 * declares the ones its routes need and which seeded roles hold them (`modules/index.ts`); a route
 * names the one it needs (`config.permission`), and the contract layer answers 403 without it.
 */
export type Permission = `${string}:${'read' | 'write'}`

/** A role every new brand starts with. */
export interface SeededRole {
  name: string
  permissions: readonly string[]
}
