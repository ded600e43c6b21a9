import { sql, type Kysely } from 'kysely'
import { alterTenantPolicy } from './tenant-isolation.ts'

// Every tenant policy called `elevate_current_brand()` for each row a scan filtered: reading the
// 10,000 currencies of a brand cost 2.3 ms, of which 1.5 went to reading the brand setting again
// per row (docs/performance.md, "Reference data lists"). As a subquery it is read once per query.
async function tenantTables(db: Kysely<any>): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select c.relname as table from pg_policy as p join pg_class as c on c.oid = p.polrelid
     where p.polname = 'tenant_isolation' and c.relnamespace = 'public'::regnamespace order by c.relname`.execute(db)
  return result.rows.map((row) => row.table)
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of await tenantTables(db)) await alterTenantPolicy(db, table, true)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of await tenantTables(db)) await alterTenantPolicy(db, table, false)
}
