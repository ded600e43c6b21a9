import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Suppliers (/v1/suppliers) and the brand's accounts with each (/v1/supplier-accounts). A supplier's
// name is unique within the brand, an account number within its supplier. Neither is deleted
// through the API (products and costs will point at them). Permissions: admin:read and
// admin:write, which every brand's seeded roles already hold.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table suppliers (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint suppliers_name_key unique (brand_id, name)
    )`.execute(db)
  await sql`
    create table supplier_accounts (
      brand_id bigint not null default elevate_current_brand(),
      id bigint generated always as identity,
      supplier_id bigint not null,
      account_number text not null,
      description text,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      -- Also the index a supplier reads its accounts by.
      constraint supplier_accounts_account_number_key unique (brand_id, supplier_id, account_number),
      constraint supplier_accounts_supplier_fkey foreign key (brand_id, supplier_id) references suppliers (brand_id, id)
    )`.execute(db)
  // The suppliers list's accountNumber filter.
  await sql`create index supplier_accounts_by_number on supplier_accounts (brand_id, account_number)`.execute(db)
  for (const table of ['suppliers', 'supplier_accounts']) {
    await enableTenantIsolation(db, table)
    await sql`grant select, insert, update on ${sql.table(table)} to elevate_app`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table supplier_accounts`.execute(db)
  await sql`drop table suppliers`.execute(db)
}
