import { sql, type Kysely } from 'kysely'

// A list filtered on an id list (`productCategoryId` over `product_category_ids`, `contractOwnerId`
// over a rate card's `contract_owner_ids`) tested every row of the brand, though each list has a
// GIN index: under row-level security PostgreSQL uses an index only for a leakproof operator, and
// the array operators `@>` and `&&` are not. Lists match id lists with `~@>` and `~&&` instead:
// - with a superuser, `arraycontains` and `arrayoverlap` declared leakproof (on bigint arrays
//   neither can fail), with a GIN operator class of their own (the array support functions at
//   their strategies), and the custom fields' categories index rebuilt in it. Custom fields of
//   one category among 10,000, prepared with generic plans as the server runs them: 0.87 -> 0.14
//   ms (docs/performance.md). The rate cards' owner indexes stay as they are: a contract owner
//   holds a large share of its brand's cards, and a generic plan, which cannot know that, read
//   them all through the index and sorted them rather than walk the sort's index to the page
//   (rental rate cards by owner: 1,762 -> 44 requests a second, p50 1 -> 87 ms);
// - without one (LEAKPROOF and CREATE OPERATOR CLASS need a superuser), SQL functions PostgreSQL
//   inlines back to `@>` and `&&`, and the indexes stay as they are: a search reads the brand's rows.

const INDEXES = [{ name: 'product_custom_fields_categories', table: 'product_custom_fields', column: 'product_category_ids' }]

async function isSuperuser(db: Kysely<any>): Promise<boolean> {
  const result = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db)
  return result.rows[0]?.superuser === true
}

export async function up(db: Kysely<any>): Promise<void> {
  const superuser = await isSuperuser(db)
  for (const [name, internal, operator] of [
    ['elevate_contains', 'arraycontains', '@>'],
    ['elevate_overlaps', 'arrayoverlap', '&&'],
  ] as const) {
    const body = superuser ? sql`language internal immutable strict parallel safe leakproof as ${sql.lit(internal)}` : sql`language sql immutable strict parallel safe as ${sql.lit(`select $1 ${operator} $2`)}`
    await sql`create function ${sql.id(name)}(bigint[], bigint[]) returns boolean ${body}`.execute(db)
    await sql`create operator ${sql.raw(`~${operator}`)} (leftarg = bigint[], rightarg = bigint[], function = ${sql.id(name)}, restrict = arraycontsel, join = arraycontjoinsel)`.execute(db)
  }
  if (!superuser) return
  await sql`
    create operator class elevate_id_list_ops for type bigint[] using gin as
      operator 1 ~&& (bigint[], bigint[]),
      operator 2 ~@> (bigint[], bigint[]),
      function 2 ginarrayextract(anyarray, internal, internal),
      function 3 ginqueryarrayextract(anyarray, internal, int2, internal, internal, internal, internal),
      function 4 ginarrayconsistent(internal, int2, anyarray, int4, internal, internal, internal, internal),
      function 6 ginarraytriconsistent(internal, int2, anyarray, int4, internal, internal, internal),
      storage bigint`.execute(db)
  for (const index of INDEXES) {
    await sql`drop index ${sql.id(index.name)}`.execute(db)
    await sql`create index ${sql.id(index.name)} on ${sql.table(index.table)} using gin (${sql.ref(index.column)} elevate_id_list_ops)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) {
    await sql`drop index ${sql.id(index.name)}`.execute(db)
    await sql`create index ${sql.id(index.name)} on ${sql.table(index.table)} using gin (${sql.ref(index.column)})`.execute(db)
  }
  await sql`drop operator family if exists elevate_id_list_ops using gin`.execute(db)
  await sql`drop operator ~@> (bigint[], bigint[])`.execute(db)
  await sql`drop operator ~&& (bigint[], bigint[])`.execute(db)
  await sql`drop function elevate_contains(bigint[], bigint[])`.execute(db)
  await sql`drop function elevate_overlaps(bigint[], bigint[])`.execute(db)
}
