import { sql, type Kysely } from 'kysely'

// A page of rate cards read each card's rates by an index lookup and aggregated their stored JSON:
// half of the query of a page of 100 usage rate cards (0.58 of 0.9 ms filtered by owner and
// product, docs/performance.md). Each card now keeps that array in a column, refreshed by
// statement triggers on its rates after every insert, update and delete, and a page reads the
// column (`childRowsJson(…, keptIn)`). The refresh locks the cards in key order first, so two
// writers of one card's rates wait for each other rather than deadlock, and then aggregates in a
// statement of its own, whose snapshot sees the rates a writer before it committed. The aggregate
// is `childRowsAggregate(rentalRateRows | usageRateRows, 'p')` as of this migration, frozen here;
// `test/modules/stored-pages.test.ts` fails when a card's column and the aggregate differ.
const KEPT = [
  { parent: 'rental_rate_cards', column: 'rental_rates_json', child: 'rental_rates', parentColumn: 'rental_rate_card_id' },
  { parent: 'usage_rate_cards', column: 'usage_rates_json', child: 'usage_rates', parentColumn: 'usage_rate_card_id' },
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const { parent, column, child, parentColumn } of KEPT) {
    const refresh = `${parent}_refresh_${column}`
    const aggregate = sql.raw(
      `coalesce((select '[' || string_agg(x.json, ',') || ']' from (select "c"."api_json" as json from "${child}" as c where c.brand_id = "p"."brand_id" and "c"."${parentColumn}" = "p"."id" order by c.id) as x), '[]')`,
    )
    await sql`alter table ${sql.table(parent)} add column ${sql.id(column)} text not null default '[]'`.execute(db)
    await sql`
      create function ${sql.id(refresh)}(brands bigint[], cards bigint[]) returns void language plpgsql as $$
      begin
        perform 1 from ${sql.table(parent)} as p, unnest(brands, cards) as k(brand_id, id)
          where p.brand_id = k.brand_id and p.id = k.id order by p.brand_id, p.id for update of p;
        update ${sql.table(parent)} as p set ${sql.id(column)} = ${aggregate}
          from unnest(brands, cards) as k(brand_id, id) where p.brand_id = k.brand_id and p.id = k.id;
      end $$`.execute(db)
    // One function for the three triggers: each names the transition tables of its own event.
    const changed = (rows: string) => sql.raw(`select brand_id, "${parentColumn}" as card from ${rows}`)
    await sql`
      create function ${sql.id(`${child}_refresh_cards`)}() returns trigger language plpgsql as $$
      declare
        brands bigint[];
        cards bigint[];
      begin
        if tg_op = 'INSERT' then
          select array_agg(brand_id order by brand_id, card), array_agg(card order by brand_id, card) into brands, cards from (${changed('new_rows')} group by 1, 2) as d;
        elsif tg_op = 'DELETE' then
          select array_agg(brand_id order by brand_id, card), array_agg(card order by brand_id, card) into brands, cards from (${changed('old_rows')} group by 1, 2) as d;
        else
          select array_agg(brand_id order by brand_id, card), array_agg(card order by brand_id, card) into brands, cards from (${changed('new_rows')} union ${changed('old_rows')}) as d;
        end if;
        perform ${sql.id(refresh)}(brands, cards);
        return null;
      end $$`.execute(db)
    const fn = sql.id(`${child}_refresh_cards`)
    await sql`create trigger ${sql.id(`${child}_inserted_refresh_cards`)} after insert on ${sql.table(child)} referencing new table as new_rows for each statement execute function ${fn}()`.execute(db)
    await sql`create trigger ${sql.id(`${child}_updated_refresh_cards`)} after update on ${sql.table(child)} referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`.execute(db)
    await sql`create trigger ${sql.id(`${child}_deleted_refresh_cards`)} after delete on ${sql.table(child)} referencing old table as old_rows for each statement execute function ${fn}()`.execute(db)
    // Every card there is (the schema owner is not confined by the brand policy).
    await sql`update ${sql.table(parent)} as p set ${sql.id(column)} = ${aggregate} where exists (select from ${sql.table(child)} as c where c.brand_id = p.brand_id and ${sql.ref(`c.${parentColumn}`)} = p.id)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { parent, column, child } of KEPT) {
    for (const event of ['inserted', 'updated', 'deleted']) await sql`drop trigger ${sql.id(`${child}_${event}_refresh_cards`)} on ${sql.table(child)}`.execute(db)
    await sql`drop function ${sql.id(`${child}_refresh_cards`)}()`.execute(db)
    await sql`drop function ${sql.id(`${parent}_refresh_${column}`)}(bigint[], bigint[])`.execute(db)
    await sql`alter table ${sql.table(parent)} drop column ${sql.id(column)}`.execute(db)
  }
}
