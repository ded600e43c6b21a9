import { sql, type Kysely } from 'kysely'

/**
 * Row-level security for a tenant table: the `elevate_app` role sees and writes only the rows of
 * the transaction's brand. Frozen like the migrations that use it: never change it, add another.
 */
export async function enableTenantIsolation(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
  await sql`
    create policy tenant_isolation on ${sql.table(table)} to elevate_app
    using (brand_id = elevate_current_brand())
    with check (brand_id = elevate_current_brand())`.execute(db)
}
