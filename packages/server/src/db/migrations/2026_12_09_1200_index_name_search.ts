import { sql, type Kysely } from 'kysely'

// `like:` on a folded name (`<column>_folded`, migration 2026_12_09_0200) tested every row of the
// brand: under row-level security PostgreSQL uses an index for a condition only when its operator
// is leakproof, so that it cannot run on other brands' rows and tell of them, and `like` is not.
// Lists match folded names with `~~~`, LIKE under another name:
// - with a superuser, `~~~` is `textlike` declared leakproof, with a trigram operator class of its
//   own (pg_trgm's support functions at its LIKE strategy) and a trigram index per folded name, so
//   a search reads the rows holding its trigrams. At 10,000 currencies, prepared with generic
//   plans as the server runs them (pgbench, docs/performance.md): 0.54-0.70 ms a page against
//   0.97-1.55 for `strpos` over the brand's rows and 1.26-2.20 for `like`; a name few rows hold,
//   0.1 ms. `textlike` fails only on a pattern that ends in its escape character,
//   and only once a row matches the text before it: the lists refuse such patterns with a 400
//   (`lists/filters.ts`) and build the rest, so no pattern it is given can fail. A pattern with no
//   trigram (`like:a`) would read the whole index: `likeLower` matches it with plain `like`;
// - without one (a managed PostgreSQL: LEAKPROOF and CREATE OPERATOR CLASS need a superuser), `~~~`
//   is a SQL function PostgreSQL inlines back to `like`, and a search scans the brand's rows.
// A folded name added later needs its index too: test/db/folded-names.test.ts checks each has one.
// pg_trgm stays when this is undone: something else may use it.

/** Each folded name: the tables and columns of 2026_12_09_0200, read from the catalogue. */
async function foldedNames(db: Kysely<any>): Promise<Array<{ table: string; column: string }>> {
  const result = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
     where table_schema = 'public' and column_name like '%\\_folded' order by table_name, column_name`.execute(db)
  return result.rows
}

async function mayIndexUnderPolicies(db: Kysely<any>): Promise<boolean> {
  const result = await sql<{ able: boolean }>`
    select (select rolsuper from pg_roles where rolname = current_user)
       and exists (select 1 from pg_available_extensions where name = 'pg_trgm') as able`.execute(db)
  return result.rows[0]?.able === true
}

const indexName = ({ table, column }: { table: string; column: string }) => sql.id(`${table}_${column}_trigrams`)

export async function up(db: Kysely<any>): Promise<void> {
  if (!(await mayIndexUnderPolicies(db))) {
    await sql`create function elevate_like(text, text) returns boolean language sql immutable strict parallel safe as $$select $1 like $2$$`.execute(db)
    await sql`create operator ~~~ (leftarg = text, rightarg = text, function = elevate_like, restrict = likesel, join = likejoinsel)`.execute(db)
    return
  }
  await sql`create extension if not exists pg_trgm`.execute(db)
  await sql`create function elevate_like(text, text) returns boolean language internal immutable strict parallel safe leakproof as 'textlike'`.execute(db)
  await sql`create operator ~~~ (leftarg = text, rightarg = text, function = elevate_like, restrict = likesel, join = likejoinsel)`.execute(db)
  await sql`
    create operator class elevate_trgm_like_ops for type text using gin as
      operator 3 ~~~ (text, text),
      function 1 btint4cmp(int4, int4),
      function 2 gin_extract_value_trgm(text, internal),
      function 3 gin_extract_query_trgm(text, internal, int2, internal, internal, internal, internal),
      function 4 gin_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal),
      function 6 gin_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal),
      storage int4`.execute(db)
  for (const name of await foldedNames(db)) {
    await sql`create index ${indexName(name)} on ${sql.table(name.table)} using gin (${sql.ref(name.column)} elevate_trgm_like_ops)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of await foldedNames(db)) await sql`drop index if exists ${indexName(name)}`.execute(db)
  await sql`drop operator family if exists elevate_trgm_like_ops using gin`.execute(db)
  await sql`drop operator ~~~ (text, text)`.execute(db)
  await sql`drop function elevate_like(text, text)`.execute(db)
}
