import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Bill runs (Bill Run API, /v1/bill-runs and /v1/adhoc-bill-runs). A scheduled bill run is one
// period of a billing cycle; the server creates them (the current period's when a cycle has none
// that is unfinished, the next period's when one is finalised), so this migration creates none:
// existing cycles get theirs on the first bill-run request. At most one bill run of a cycle is not
// FINALIZED (a partial unique index: two instances creating it at once make one). The state
// (billRunStatus, summaryStatus and the step's percentage) is checked here too. Adhoc bill runs
// have a name unique in the brand. Jobs (the steps) live in pg-boss's schema, created at start.
// Permissions: billruns:read (every seeded role), billruns:write (Administrator).

const BILL_RUN_STATUSES = `('OPEN', 'CLOSED', 'FINALIZED')`
const SUMMARY_STATUSES = `('PROPERTIES', 'STARTING', 'REPORTING', 'DRAFT_INVOICES', 'FULL_INVOICES', 'DISTRIBUTION', 'COMBINING_INVOICES', 'PAYMENT', 'REACTIVATING_RPIS', 'ARCHIVING', 'FINISHED')`

export async function up(db: Kysely<any>): Promise<void> {
  const state = sql.raw(`
      bill_run_status text not null check (bill_run_status in ${BILL_RUN_STATUSES}),
      summary_status text not null check (summary_status in ${SUMMARY_STATUSES}),
      summary_status_percentage integer not null default 100 check (summary_status_percentage between 0 and 100),
      billing_user_admin_id bigint,
      revenue_in_major_currency numeric(15, 2) not null default 0,`)
  await sql`
    create table bill_runs (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      billing_cycle_id bigint not null,
      contract_owner_id bigint not null,
      billing_cycle_group_name text,
      name text not null,
      sortable_name text not null,
      created date not null,
      period_start_date date not null,
      period_end_date date not null check (period_end_date >= period_start_date),
      invoice_date date not null,
      include_usage_until_date date,
      ${state}
      parallel boolean not null default false,
      usage_suspense_count integer not null default 0,
      rental_suspense_count integer not null default 0,
      max_invoice_value numeric(15, 2),
      max_invoice_customer_id bigint,
      paused boolean not null default false,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint bill_runs_billing_cycle_fkey foreign key (brand_id, billing_cycle_id) references billing_cycles (brand_id, id),
      constraint bill_runs_period_key unique (brand_id, billing_cycle_id, period_start_date)
    )`.execute(db)
  await sql`create unique index bill_runs_one_unfinished on bill_runs (brand_id, billing_cycle_id) where bill_run_status <> 'FINALIZED'`.execute(db)
  await sql`create index bill_runs_status on bill_runs (brand_id, bill_run_status)`.execute(db)
  await enableTenantIsolation(db, 'bill_runs')
  await sql`grant select, insert, update on bill_runs to elevate_app`.execute(db)

  await sql`
    create table adhoc_bill_runs (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      nickname text,
      created date not null,
      invoice_date date not null,
      ${state}
      adhoc_product_inventory_ids bigint[] not null default '{}',
      rental_product_inventory_ids bigint[] not null default '{}',
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint adhoc_bill_runs_name_key unique (brand_id, name)
    )`.execute(db)
  await enableTenantIsolation(db, 'adhoc_bill_runs')
  await sql`grant select, insert, update on adhoc_bill_runs to elevate_app`.execute(db)
  await grantToSeededRoles(db, {
    Administrator: ['billruns:read', 'billruns:write'],
    'Customer Manager': ['billruns:read'],
    'Read Only': ['billruns:read'],
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table adhoc_bill_runs`.execute(db)
  await sql`drop table bill_runs`.execute(db)
}
