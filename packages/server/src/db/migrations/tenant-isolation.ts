import { sql, type Kysely } from 'kysely'

/**
 * Row-level security for a tenant table: the `elevate_app` role sees and writes only the rows of
 * the transaction's brand. Frozen like the migrations that use it: never change it, add another.
 * Superseded by `isolateTenantTable` for tables created from `2026_12_09_0300` on.
 */
export async function enableTenantIsolation(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
  await sql`
    create policy tenant_isolation on ${sql.table(table)} to elevate_app
    using (brand_id = elevate_current_brand())
    with check (brand_id = elevate_current_brand())`.execute(db)
}

/**
 * The brand a policy compares each row with, as a subquery: PostgreSQL runs it once per query (an
 * InitPlan) and compares every row with its result, where the bare function call was evaluated
 * again for every row a scan filtered (a setting lookup and a cast). Index conditions use it alike.
 */
const BRAND_OF_THE_QUERY = sql`brand_id = (select elevate_current_brand())`

/** Row-level security for a tenant table, as `enableTenantIsolation` but reading the brand once per query. Frozen. */
export async function isolateTenantTable(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
  await sql`create policy tenant_isolation on ${sql.table(table)} to elevate_app using (${BRAND_OF_THE_QUERY}) with check (${BRAND_OF_THE_QUERY})`.execute(db)
}

/** Rewrites the policy `enableTenantIsolation` made as `isolateTenantTable` makes it, or back. Frozen. */
export async function alterTenantPolicy(db: Kysely<any>, table: string, once: boolean): Promise<void> {
  const brand = once ? BRAND_OF_THE_QUERY : sql`brand_id = elevate_current_brand()`
  await sql`alter policy tenant_isolation on ${sql.table(table)} using (${brand}) with check (${brand})`.execute(db)
}
