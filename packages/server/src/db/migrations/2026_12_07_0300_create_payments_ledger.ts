import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// The money ledger of the Payment and Refund API and the invoice payment events (Invoices API):
//
// - customer_accounts: one row per customer that money has moved for; its credit (overpayments and
//   manual adjustments) and the row every money move of the customer locks first, so the moves of
//   one customer take turns and the resulting balance each records is exact.
// - invoice_ledgers: one row per final invoice with something to pay, made on its first money move:
//   what was paid, refunded and written off. The CHECKs make it impossible, whatever code writes,
//   to pay more than is owed or refund more than was paid: outstanding = gross − paid + refunded −
//   written off, always between 0 and gross. Its payment status is copied onto the invoice by a
//   trigger (the invoices' immutability trigger leaves the payment-status columns free).
// - customer_payments: the customer's money movements (payments, refunds, manual adjustments),
//   each with the balance it left and who recorded it.
// - invoice_payments: what each payment paid on each invoice (normal and adhoc alike).
// - refunds, invoice_payment_events: refunds of invoice payments; the history of each invoice.
// Permissions: payments:read, payments:write.

const PAYMENT_STATUSES = `('NA', 'PAID', 'UNPAID', 'PENDING', 'REFUNDED', 'PART_REFUNDED', 'REFUND_PENDING', 'WRITTEN_OFF', 'DISPUTED', 'PARTIALLY_PAID')`
const TABLES = ['customer_accounts', 'invoice_ledgers', 'customer_payments', 'invoice_payments', 'refunds', 'invoice_payment_events']

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table customer_accounts (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      customer_id bigint not null,
      credit_amount numeric(15, 2) not null default 0,
      primary key (brand_id, customer_id),
      foreign key (brand_id, customer_id) references customers (brand_id, id)
    )`.execute(db)

  await sql`
    create table invoice_ledgers (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      invoice_id bigint not null,
      customer_id bigint not null,
      gross_amount numeric(15, 2) not null check (gross_amount > 0),
      paid_amount numeric(15, 2) not null default 0 check (paid_amount >= 0),
      refunded_amount numeric(15, 2) not null default 0,
      written_off_amount numeric(15, 2) not null default 0 check (written_off_amount >= 0),
      payment_status text not null check (payment_status in ${sql.raw(PAYMENT_STATUSES)}),
      status_updated_at timestamptz not null,
      primary key (brand_id, invoice_id),
      constraint invoice_ledgers_refunds_within_paid check (refunded_amount between 0 and paid_amount),
      constraint invoice_ledgers_within_owed check (gross_amount - paid_amount + refunded_amount - written_off_amount between 0 and gross_amount),
      foreign key (brand_id, invoice_id) references invoices (brand_id, id),
      foreign key (brand_id, customer_id) references customers (brand_id, id)
    )`.execute(db)
  await sql`create index invoice_ledgers_customer on invoice_ledgers (brand_id, customer_id)`.execute(db)
  await sql`
    create function invoice_ledgers_status_to_invoice() returns trigger language plpgsql as $$
    begin
      update invoices set payment_status = new.payment_status, payment_status_updated_time = new.status_updated_at,
             payment_status_updated_date = (new.status_updated_at at time zone 'UTC')::date, updated_date = new.status_updated_at
       where brand_id = new.brand_id and id = new.invoice_id;
      return null;
    end $$`.execute(db)
  await sql`
    create trigger invoice_ledgers_status_to_invoice after update on invoice_ledgers for each row
      when (old.payment_status is distinct from new.payment_status) execute function invoice_ledgers_status_to_invoice()`.execute(db)

  await sql`
    create table customer_payments (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      customer_id bigint not null,
      amount numeric(15, 2) not null,
      resulting_customer_balance numeric(15, 2) not null,
      description text,
      reference text,
      payment_method text,
      payment_date date not null,
      customer_payment_type text not null check (customer_payment_type in ('CUSTOMER', 'INVOICE', 'ADJUSTMENT')),
      txn_type text not null check (txn_type in ('PAYMENT', 'REFUND', 'ADJUSTMENT')),
      created_by_user_id bigint,
      created_by text not null,
      created_date timestamptz not null,
      primary key (brand_id, id),
      foreign key (brand_id, customer_id) references customers (brand_id, id)
    )`.execute(db)
  await sql`create index customer_payments_customer on customer_payments (brand_id, customer_id, id)`.execute(db)

  await sql`
    create table invoice_payments (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      invoice_id bigint not null,
      bill_run_type text not null check (bill_run_type in ('NORMAL', 'ADHOC')),
      bill_run_id bigint not null,
      customer_id bigint not null,
      customer_payment_id bigint not null,
      amount numeric(15, 2) not null check (amount > 0),
      refunded_amount numeric(15, 2) not null default 0,
      payment_method text,
      payment_date date not null,
      reference text,
      description text,
      created_date timestamptz not null,
      primary key (brand_id, id),
      constraint invoice_payments_refunds_within_amount check (refunded_amount between 0 and amount),
      foreign key (brand_id, invoice_id) references invoices (brand_id, id),
      foreign key (brand_id, customer_payment_id) references customer_payments (brand_id, id)
    )`.execute(db)
  await sql`create index invoice_payments_invoice on invoice_payments (brand_id, invoice_id)`.execute(db)
  await sql`create index invoice_payments_customer on invoice_payments (brand_id, customer_id)`.execute(db)

  await sql`
    create table refunds (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      invoice_payment_id bigint not null,
      invoice_id bigint not null,
      bill_run_type text not null check (bill_run_type in ('NORMAL', 'ADHOC')),
      customer_id bigint not null,
      amount numeric(15, 2) not null check (amount > 0),
      description text,
      payment_method text,
      third_party_refund_status text not null
        check (third_party_refund_status in ('CREATED', 'PENDING_SUBMISSION', 'SUBMITTED', 'PAID', 'CANCELLED', 'BOUNCED', 'FUNDS_RETURNED', 'MANUALLY_REFUNDED', 'REFUND_SETTLED')),
      created_date timestamptz not null,
      primary key (brand_id, id),
      foreign key (brand_id, invoice_payment_id) references invoice_payments (brand_id, id)
    )`.execute(db)
  await sql`create index refunds_invoice on refunds (brand_id, invoice_id)`.execute(db)

  await sql`
    create table invoice_payment_events (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      invoice_id bigint not null,
      customer_id bigint not null,
      bill_run_type text not null check (bill_run_type in ('NORMAL', 'ADHOC')),
      payment_status text not null check (payment_status in ${sql.raw(PAYMENT_STATUSES)}),
      notes text,
      amount numeric(15, 2) not null,
      created_by text not null,
      created_date timestamptz not null,
      primary key (brand_id, id),
      foreign key (brand_id, invoice_id) references invoices (brand_id, id)
    )`.execute(db)
  await sql`create index invoice_payment_events_invoice on invoice_payment_events (brand_id, invoice_id)`.execute(db)

  for (const table of TABLES) await enableTenantIsolation(db, table)
  // The ledger only grows: no deletes; rows of the ledger tables change only by the use cases' updates.
  await sql`grant select, insert, update on customer_accounts, invoice_ledgers, invoice_payments, refunds to elevate_app`.execute(db)
  await sql`grant select, insert on customer_payments, invoice_payment_events to elevate_app`.execute(db)
  await grantToSeededRoles(db, {
    Administrator: ['payments:read', 'payments:write'],
    'Customer Manager': ['payments:read', 'payments:write'],
    'Read Only': ['payments:read'],
  })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table invoice_payment_events, refunds, invoice_payments, customer_payments, invoice_ledgers, customer_accounts`.execute(db)
  await sql`drop function invoice_ledgers_status_to_invoice()`.execute(db)
}
