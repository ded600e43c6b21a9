import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Customer credit status (Payment and Refund API, GET /v1/customer-credit-status):
//
// - customer_credit_thresholds: the credit threshold set for a customer (the published API reads
//   thresholds but has no operation that sets one: ours is PUT /v1/customer-credit-status/{id}).
// - customer_balances: every customer's balance, the one definition the ledger's money moves and
//   the credit status both read: credit less what its final invoices owe (an invoice without a
//   ledger row owes its gross). Negative: a debt.
// - customer_credit_status: the published item of each customer with a threshold; what is owed
//   against it, and what its bill runs not yet finalised have rated for it, tax included.
//
// The views run as the querying role (security_invoker), so the tables' row-level security
// confines them to the connection's brand like any query. Permissions: payments:read, payments:write.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table customer_credit_thresholds (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      customer_id bigint not null,
      credit_threshold numeric(15, 2) not null check (credit_threshold > 0),
      updated_by text not null,
      updated_date timestamptz not null,
      primary key (brand_id, customer_id),
      foreign key (brand_id, customer_id) references customers (brand_id, id)
    )`.execute(db)
  await enableTenantIsolation(db, 'customer_credit_thresholds')
  await sql`grant select, insert, update, delete on customer_credit_thresholds to elevate_app`.execute(db)

  await sql`
    create view customer_balances with (security_invoker = true) as
    select c.brand_id, c.id as customer_id, c.contract_owner_id,
           coalesce(a.credit_amount, 0) - coalesce(owed.amount, 0) as balance
      from customers as c
      left join customer_accounts as a on a.brand_id = c.brand_id and a.customer_id = c.id
      left join lateral (
        select sum(coalesce(l.gross_amount - l.paid_amount + l.refunded_amount - l.written_off_amount, i.gross_amount)) as amount
          from invoices as i
          left join invoice_ledgers as l on l.brand_id = i.brand_id and l.invoice_id = i.id
         where i.brand_id = c.brand_id and i.customer_id = c.id and i.invoice_status = 'FINAL'
      ) as owed on true`.execute(db)

  await sql`
    create view customer_credit_status with (security_invoker = true) as
    select t.brand_id, t.customer_id as id, t.customer_id, b.contract_owner_id, t.credit_threshold,
           -b.balance as bill_amount,
           t.credit_threshold + b.balance as value_difference,
           round(-b.balance * 100 / t.credit_threshold, 2) as percentage_difference,
           coalesce(open_runs.amount, 0) as open_bill_run_value
      from customer_credit_thresholds as t
      join customer_balances as b on b.brand_id = t.brand_id and b.customer_id = t.customer_id
      left join lateral (
        select sum(r.amount + round(r.amount * r.tax_rate / 100, 2)) as amount
          from rated_charges as r
          left join bill_runs as br on br.brand_id = r.brand_id and br.id = r.bill_run_id
          left join adhoc_bill_runs as ab on ab.brand_id = r.brand_id and ab.id = r.adhoc_bill_run_id
         where r.brand_id = t.brand_id and r.customer_id = t.customer_id
           and coalesce(br.bill_run_status, ab.bill_run_status) <> 'FINALIZED'
      ) as open_runs on true`.execute(db)
  await sql`grant select on customer_balances, customer_credit_status to elevate_app`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop view customer_credit_status`.execute(db)
  await sql`drop view customer_balances`.execute(db)
  await sql`drop table customer_credit_thresholds`.execute(db)
}
