import { sql, type Kysely } from 'kysely'

/**
 * Grants permissions to the seeded roles (by name) of every brand that exists when the migration
 * runs; brands created later get them from the modules' declarations (`modules/index.ts`). The
 * migration that adds a module calls this with the grants its module declares. Frozen like the
 * migrations that use it: never change it, add another.
 */
export async function grantToSeededRoles(db: Kysely<any>, grants: Record<string, readonly string[]>): Promise<void> {
  for (const [role, permissions] of Object.entries(grants)) {
    await sql`
      update roles
         set permissions = (select array_agg(distinct p order by p) from unnest(permissions || ${[...permissions]}::text[]) as p)
       where name = ${role}`.execute(db)
  }
}
