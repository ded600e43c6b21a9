import { sql, type Kysely } from 'kysely'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Tax bands (/v1/tax-bands) and their rates over time (/v1/tax-band-rates). A band's code and name
// are unique within the brand; at most one band is the default and one is used for early
// termination charges (partial unique indexes, so two concurrent writes cannot both win). A rate
// is an exact percentage, numeric(7, 4), valid from start_date to end_date (inclusive; null:
// open-ended); the rates of a band never overlap (checked by the server under a lock on the band).
// A band's rates go with it. Brands that exist now get the standard band a new brand starts with.
// Permissions: reference-data:read and reference-data:write, granted by 2026_12_03_2000.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tax_bands (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      code text not null,
      name text not null,
      default_band boolean not null,
      used_for_etc boolean not null default false,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint tax_bands_code_key unique (brand_id, code),
      constraint tax_bands_name_key unique (brand_id, name)
    )`.execute(db)
  await sql`create unique index tax_bands_default_key on tax_bands (brand_id) where default_band`.execute(db)
  await sql`create unique index tax_bands_etc_key on tax_bands (brand_id) where used_for_etc`.execute(db)
  await enableTenantIsolation(db, 'tax_bands')
  await sql`grant select, insert, update, delete on tax_bands to elevate_app`.execute(db)

  await sql`
    create table tax_band_rates (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      tax_band_id bigint not null,
      rate numeric(7, 4) not null check (rate >= 0 and rate <= 100),
      start_date date not null,
      end_date date check (end_date >= start_date),
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint tax_band_rates_tax_band_fkey foreign key (brand_id, tax_band_id) references tax_bands (brand_id, id) on delete cascade
    )`.execute(db)
  await sql`create index tax_band_rates_band on tax_band_rates (brand_id, tax_band_id, start_date)`.execute(db)
  await enableTenantIsolation(db, 'tax_band_rates')
  await sql`grant select, insert, update, delete on tax_band_rates to elevate_app`.execute(db)

  await sql`
    insert into tax_bands (brand_id, code, name, default_band, used_for_etc)
    select id, 'T1', 'Standard', true, true from brands order by id`.execute(db)
  await sql`
    insert into tax_band_rates (brand_id, tax_band_id, rate, start_date)
    select brand_id, id, 20, date '2011-01-04' from tax_bands order by brand_id`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table tax_band_rates`.execute(db)
  await sql`drop table tax_bands`.execute(db)
}
