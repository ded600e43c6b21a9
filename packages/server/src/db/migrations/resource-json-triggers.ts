import { sql, type Kysely } from 'kysely'

/**
 * Stored API JSON (`TableOptions.storedResource`): per table, an `api_json` column and the trigger
 * `<table>_api_json()` that writes the given SQL into it on every insert and update; the rows
 * already there are written once. Frozen like the migrations that use it.
 */
export async function installResourceJson(db: Kysely<any>, jsonByTable: Record<string, string>): Promise<void> {
  for (const [table, json] of Object.entries(jsonByTable)) {
    const name = `${table}_api_json`
    await sql`alter table ${sql.table(table)} add column api_json text`.execute(db)
    await sql`create function ${sql.id(name)}() returns trigger language plpgsql as $$ begin new.api_json := ${sql.raw(json)}; return new; end $$`.execute(db)
    await sql`create trigger ${sql.id(name)} before insert or update on ${sql.table(table)} for each row execute function ${sql.id(name)}()`.execute(db)
    // Every existing row through the trigger (the schema owner is not confined by the brand policy).
    await sql`update ${sql.table(table)} set api_json = null`.execute(db)
    await sql`alter table ${sql.table(table)} alter column api_json set not null`.execute(db)
  }
}

export async function dropResourceJson(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const name = `${table}_api_json`
    await sql`drop trigger ${sql.id(name)} on ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} drop column api_json`.execute(db)
    await sql`drop function ${sql.id(name)}()`.execute(db)
  }
}
