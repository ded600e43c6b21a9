import { sql, type Kysely } from 'kysely'

// DELETE /v1/contract-owner-sub-brands/{id}: the tenant role may delete sub-brands. Customers keep
// their foreign key to the sub-brand (no cascade), so PostgreSQL refuses to delete one that a
// customer uses, including a customer created while the delete runs.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`grant delete on contract_owner_sub_brands to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`revoke delete on contract_owner_sub_brands from elevate_app`.execute(db)
}
