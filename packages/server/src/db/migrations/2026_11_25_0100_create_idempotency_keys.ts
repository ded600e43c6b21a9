import { sql, type Kysely } from 'kysely'

// Migrations are frozen in time: they use Kysely<any> and raw SQL, never application code.

export async function up(db: Kysely<any>): Promise<void> {
  // The outcome of a create sent with an Idempotency-Key (docs/errors.md), per brand, user and key.
  // A row with a null status is a claim: the first request is still running. The brand leads the
  // key like every tenant table's, but the table is used only by the system pool
  // (src/idempotency/): the claim and the stored outcome live outside the request's tenant
  // transaction, and every query names the brand and user. `elevate_app` gets no grant at all, so
  // no tenant query can read or write it, and no row-level security is needed.
  await sql`
    create table idempotency_keys (
      brand_id bigint not null,
      user_id bigint not null,
      idempotency_key text not null,
      fingerprint bytea not null,
      claim_token uuid not null,
      request_id text not null,
      status smallint,
      response_headers jsonb,
      response_body text,
      created_date timestamptz not null default now(),
      completed_date timestamptz,
      primary key (brand_id, user_id, idempotency_key),
      foreign key (brand_id, user_id) references users (brand_id, id) on delete cascade
    )`.execute(db)
  await sql`create index idempotency_keys_expiry on idempotency_keys (brand_id, created_date)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table idempotency_keys`.execute(db)
}
