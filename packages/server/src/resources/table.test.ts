import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { compileOnly } from '../db/compile-only.ts'
import type { TenantReader } from '../db/database.ts'
import { leaveOut, type ListRequest } from '../lists/list-query.ts'
import { childRowsJson, type ChildRows } from './children.ts'
import { idField } from './common-fields.ts'
import { DecimalNumber, decimalFieldOptions } from './decimal.ts'
import { field } from './fields.ts'
import { describeResource } from './resource.ts'
import { resourceTable } from './table.ts'

// Compiles and records the statements: no database behind it (every query answers no rows).
const statements: string[] = []
const db = compileOnly((event) => void statements.push(event.query.sql)) as unknown as TenantReader

const cards = describeResource(
  {
    id: idField(),
    name: field(Type.String(), { column: 'name', sortable: true }),
    rates: field(Type.Array(Type.Object({ id: Type.Integer() })), { column: 'rates', access: 'read-only', optional: true }),
  },
  { noun: 'Card' },
)
const table = resourceTable('rental_rate_cards', cards, { computed: { rates: childRowsJson({ table: 'rates', parentColumn: 'card_id', fields: { id: 'id' } }) } })
const list: ListRequest = { page: 1, pageSize: 10, sort: [{ column: 'id', direction: 'asc' }], fields: undefined, conditions: [] }

async function pageSql(request: ListRequest): Promise<string> {
  statements.length = 0
  await table.page(db, request, [])
  assert.equal(statements.length, 1)
  return statements[0]!
}

describe('a resource table’s page', () => {
  it('computes the child rows when every field is answered', async () => {
    assert.match(await pageSql(list), /json_agg.* as "rates"/s)
  })

  it('leaves out the computed columns of fields the list does not answer (a summary), and keeps the others', async () => {
    const sql = await pageSql(leaveOut(list, cards.list, ['rates']))
    assert.doesNotMatch(sql, /json_agg|"rates"/)
    assert.match(sql, /select "id", "name", "version" from "rental_rate_cards"/)
  })

  it('computes them when `fields` names them', async () => {
    assert.match(await pageSql({ ...list, fields: ['rates'] }), /json_agg.* as "rates"/s)
  })
})

describe('a page of decimals', () => {
  const prices = describeResource(
    { id: idField(), price: field(DecimalNumber({ precision: 15, scale: 6 }), { ...decimalFieldOptions('price'), sortable: true }) },
    { noun: 'Override' },
  )
  const overrides = resourceTable('rental_rate_overrides', prices)

  it('reads a numeric column without trailing zeros, and sorts by the stored column, which an index can give in order', async () => {
    statements.length = 0
    await overrides.page(db, { ...list, sort: [{ column: 'price', direction: 'desc' }, { column: 'id', direction: 'desc' }] }, [])
    assert.match(statements[0]!, /trim_scale\("rental_rate_overrides"\."price"\) as "price"/)
    assert.match(statements[0]!, /order by "rental_rate_overrides"\."price" desc, "id" desc/)
  })

  it('reads it as stored where one record is read', async () => {
    statements.length = 0
    await overrides.find(db, 1, [])
    assert.doesNotMatch(statements[0]!, /trim_scale/)
  })
})

describe('a page of rows that keep their JSON (storedJson)', () => {
  const rows = { table: 'rental_rate_overrides', parentColumn: 'card_id', fields: { id: 'id', price: 'price' }, decimals: ['price'], stored: 'api_json' }
  const prices = describeResource(
    { id: idField(), price: field(DecimalNumber({ precision: 15, scale: 6 }), { ...decimalFieldOptions('price'), sortable: true }) },
    { noun: 'Override' },
  )

  it('reads only the stored JSON for every field, still sorted by the stored columns, and the columns for `fields=`', async () => {
    const overrides = resourceTable('rental_rate_overrides', prices, { storedJson: rows })
    statements.length = 0
    await overrides.page(db, { ...list, sort: [{ column: 'price', direction: 'desc' }] }, [])
    assert.match(statements[0]!, /^select "api_json" as "item" from "rental_rate_overrides" order by "rental_rate_overrides"\."price" desc/)
    statements.length = 0
    await overrides.page(db, { ...list, fields: ['price'] }, [])
    assert.doesNotMatch(statements[0]!, /api_json/)
  })

  it('refuses stored JSON of other fields, in another order, from other columns, of another table, or without a column', () => {
    const others: ChildRows[] = [
      { ...rows, fields: { id: 'id' } },
      { ...rows, fields: { price: 'price', id: 'id' } },
      { ...rows, fields: { id: 'id', price: 'list_price' } },
      { ...rows, table: 'rental_rates' },
      { ...rows, stored: undefined },
    ]
    for (const other of others) {
      assert.throws(() => resourceTable('rental_rate_overrides', prices, { storedJson: other }), /rental_rate_overrides: storedJson must keep this table's JSON with the resource's fields/)
    }
  })
})

describe('a page of records that keep their JSON but their child rows (storedResource)', () => {
  const stored = resourceTable('rental_rate_cards', cards, { computed: { rates: childRowsJson({ table: 'rates', parentColumn: 'card_id', fields: { id: 'id' } }) }, storedResource: 'api_json' })

  it('appends the child rows to the stored JSON for every field, sends it alone for a summary, and reads the columns for other fields', async () => {
    statements.length = 0
    await stored.page(db, list, [])
    assert.match(statements[0]!, /^select left\("rental_rate_cards"\."api_json", -1\) \|\| ',"rates":' \|\| coalesce\(.*json_agg.*\) \|\| '\}' as "item" from "rental_rate_cards"/s)
    statements.length = 0
    await stored.page(db, leaveOut(list, cards.list, ['rates']), [])
    assert.match(statements[0]!, /^select "rental_rate_cards"\."api_json" as "item" from/)
    statements.length = 0
    await stored.page(db, { ...list, fields: ['name'] }, [])
    assert.doesNotMatch(statements[0]!, /api_json/)
  })

  it('finds the ids of a search by the narrow index first when its filters and sort name only the indexed columns (idsByIndex)', async () => {
    const searched = resourceTable('currencies', cards, { storedResource: 'api_json', idsByIndex: ['name'] })
    const like = { column: 'name', operator: 'like lower' as const, value: '%pound%' }
    const page = async (request: ListRequest) => {
      statements.length = 0
      await searched.page(db, request, [])
      return statements[0]!
    }
    const byIds = await page({ ...list, sort: [{ column: 'name', direction: 'desc' }], conditions: [like] })
    assert.equal(byIds, 'select "currencies"."api_json" as "item" from "currencies" where "id" = any(array((select "id" from "currencies" where "name" ~~~ (select lower($1)) order by "name" desc limit $2 offset $3))) order by "name" desc')
    assert.doesNotMatch(await page(list), /any\(array/, 'no filter: the page is the index walk already')
    assert.doesNotMatch(await page({ ...list, conditions: [like, { column: 'code', operator: '=', value: 'GBP' }] }), /any\(array/, 'a column the index does not hold')
    assert.doesNotMatch(await page({ ...list, sort: [{ column: 'code', direction: 'asc' }], conditions: [like] }), /any\(array/, 'a sort the index does not hold')
    assert.doesNotMatch(await page({ ...list, conditions: [{ ...like, orColumns: ['code'] }] }), /any\(array/, 'an alternative column the index does not hold')
  })

  it('finds the ids of a deep page by the narrow index first, for a page read from the columns too (idsByIndex)', async () => {
    const assignments = resourceTable('rental_rate_card_assignments', cards, { idsByIndex: ['name'] })
    const page = async (request: ListRequest) => {
      statements.length = 0
      await assignments.page(db, request, [])
      return statements[0]!
    }
    const level = { column: 'name', operator: '=' as const, value: 'CUSTOMER' }
    assert.equal(
      await page({ ...list, page: 50, fields: ['id', 'name'], conditions: [level] }),
      'select "id", "name", "rates", "version" from "rental_rate_card_assignments" where "id" = any(array((select "id" from "rental_rate_card_assignments" where "name" = $1 order by "id" asc limit $2 offset $3))) order by "id" asc',
    )
    assert.match(await page({ ...list, page: 50 }), /where "id" = any\(array\(\(select "id" from "rental_rate_card_assignments" order by "id" asc limit \$1 offset \$2\)\)\)/, 'deep, with no filter: the skipped rows are index entries')
    assert.doesNotMatch(await page(list), /any\(array/, 'the first page with no filter reads its rows in order already')
  })

  it('cuts the stored JSON before the first member a page leaves out of the last fields, unless a kept field nests that name', async () => {
    const plans = describeResource(
      {
        id: idField(),
        name: field(Type.String(), { column: 'name' }),
        charges: field(Type.Array(Type.Object({ price: Type.Number() })), { optional: true }),
        price: field(Type.Number(), { optional: true }),
      },
      { noun: 'Plan' },
    )
    const table = resourceTable('inclusive_usage_plans', plans, { storedResource: 'api_json' })
    statements.length = 0
    await table.page(db, { ...list, fields: ['name', 'id'] }, [])
    assert.match(statements[0]!, /coalesce\(left\("inclusive_usage_plans"\."api_json", least\(nullif\(strpos\("inclusive_usage_plans"\."api_json", ',"charges":'\), 0\), nullif\(strpos\("inclusive_usage_plans"\."api_json", ',"price":'\), 0\)\) - 1\) \|\| '\}', "inclusive_usage_plans"\."api_json"\) as "item"/)
    statements.length = 0
    await table.page(db, { ...list, fields: ['name', 'id', 'charges'] }, [])
    assert.doesNotMatch(statements[0]!, /api_json/, 'a kept field nests `price`: its `,"price":` could be found inside it')
    statements.length = 0
    await table.page(db, { ...list, fields: ['name', 'price'] }, [])
    assert.doesNotMatch(statements[0]!, /api_json/, 'not the first fields')
  })

  it('refuses child rows that are not the last fields: appended, they would change the order', () => {
    const first = describeResource(
      { id: idField(), rates: field(Type.Array(Type.Object({ id: Type.Integer() })), { column: 'rates', access: 'read-only', optional: true }), name: field(Type.String(), { column: 'name' }) },
      { noun: 'Card' },
    )
    const rates = childRowsJson({ table: 'rates', parentColumn: 'card_id', fields: { id: 'id' } })
    assert.throws(() => resourceTable('rental_rate_cards', first, { computed: { rates }, storedResource: 'api_json' }), /rental_rate_cards: storedResource needs the fields of its JSON columns \(rates\) last/)
  })
})

describe('leaveOut', () => {
  it('asks for every field but those named, or for those of `fields` but those named', () => {
    assert.deepEqual(leaveOut(list, cards.list, ['rates']).fields, ['id', 'name'])
    assert.deepEqual(leaveOut({ ...list, fields: ['rates', 'name'] }, cards.list, ['rates']).fields, ['name'])
  })

  it('refuses a JSON column whose field reads its value: a list hands that field text, not the parsed value', () => {
    const reading = describeResource(
      { id: idField(), rates: field(Type.Array(Type.Object({ id: Type.Integer() })), { column: 'rates', access: 'read-only', read: (value: unknown[]) => value }) },
      { noun: 'Card' },
    )
    const rates = childRowsJson({ table: 'rates', parentColumn: 'card_id', fields: { id: 'id' } })
    assert.throws(() => resourceTable('rental_rate_cards', reading, { computed: { rates } }), /rental_rate_cards\.rates: a JSON column's field cannot have a read/)
  })
})
