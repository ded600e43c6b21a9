import { sql, type Kysely } from 'kysely'

// A rate card answers its rates inside itself, as JSON PostgreSQL builds (`childRowsJson`). Building
// it was most of a card page's query: 1 ms of 1.7 for 100 usage rate cards of one rate each, and a
// card of 10,000 rates built all of them on every read (docs/performance.md). Each rate now keeps
// its JSON in `api_json`, written by a trigger on every insert and update, and a card joins the
// stored text. The JSON is `childJson(usageRateRows | rentalRateRows, 'new')` as of this migration,
// frozen here; `test/db/child-rows.test.ts` fails when the rates' fields change and it is not
// written again by a later migration.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function usage_rates_api_json() returns trigger language plpgsql as $$
    begin
      new.api_json := replace((select row_to_json(x) from (select
        new.id as "id", new.charge_group_id as "chargeGroupId", new.usage_rate_type as "usageRateType",
        trim_scale(new.peak_initial_charge) as "peakInitialCharge", new.peak_initial_period as "peakInitialPeriod",
        trim_scale(new.peak_value) as "peakValue", trim_scale(new.peak_minimum) as "peakMinimum",
        trim_scale(new.off_peak_initial_charge) as "offPeakInitialCharge", new.off_peak_initial_period as "offPeakInitialPeriod",
        trim_scale(new.off_peak_value) as "offPeakValue", trim_scale(new.off_peak_minimum) as "offPeakMinimum",
        trim_scale(new.weekend_initial_charge) as "weekendInitialCharge", new.weekend_initial_period as "weekendInitialPeriod",
        trim_scale(new.weekend_value) as "weekendValue", trim_scale(new.weekend_minimum) as "weekendMinimum",
        new.quantity_rounding_increment as "quantityRoundingIncrement", new.variable_charge_unit_size as "variableChargeUnitSize",
        trim_scale(new.surcharge_initial_charge) as "surchargeInitialCharge", new.surcharge_initial_period as "surchargeInitialPeriod",
        trim_scale(new.surcharge_value) as "surchargeValue", trim_scale(new.surcharge_minimum) as "surchargeMinimum",
        new.start_date as "startDate", new.end_date as "endDate") as x)::text, ',"endDate":null', '');
      return new;
    end $$`.execute(db)
  await sql`
    create function rental_rates_api_json() returns trigger language plpgsql as $$
    begin
      new.api_json := replace(replace(replace(replace((select row_to_json(x) from (select
        new.id as "id", new.rental_product_id as "rentalProductId", trim_scale(new.price) as "price",
        new.rental_rate_type as "rentalRateType", new.rental_rate_price_type as "rentalRatePriceType",
        new.periods_in_advance as "periodsInAdvance", new.rental_rate_frequency as "rentalRateFrequency",
        new.start_date as "startDate", new.end_date as "endDate", new.show_on_invoice as "showOnInvoice") as x)::text,
        ',"rentalRateType":null', ''), ',"periodsInAdvance":null', ''), ',"rentalRateFrequency":null', ''), ',"endDate":null', '');
      return new;
    end $$`.execute(db)
  for (const table of ['usage_rates', 'rental_rates']) {
    await sql`alter table ${sql.table(table)} add column api_json text`.execute(db)
    await sql`create trigger ${sql.id(`${table}_api_json`)} before insert or update on ${sql.table(table)} for each row execute function ${sql.id(`${table}_api_json`)}()`.execute(db)
    // Every existing rate through the trigger (the schema owner is not confined by the brand policy).
    await sql`update ${sql.table(table)} set api_json = null`.execute(db)
    await sql`alter table ${sql.table(table)} alter column api_json set not null`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['usage_rates', 'rental_rates']) {
    await sql`drop trigger ${sql.id(`${table}_api_json`)} on ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column api_json`.execute(db)
    await sql`drop function ${sql.id(`${table}_api_json`)}()`.execute(db)
  }
}
