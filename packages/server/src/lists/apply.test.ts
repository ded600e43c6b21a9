import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { compileOnly } from '../db/compile-only.ts'
import { hasTrigram, idListMatch, likeLower } from './apply.ts'

const db = compileOnly()
const compiled = (expression: ReturnType<typeof likeLower>) => expression.compile(db).sql

describe('likeLower', () => {
  it('looks a pattern with three letters or digits in a row up by ~~~, which a trigram index serves', () => {
    assert.equal(compiled(likeLower(sql.ref('name_folded'), '%pound%')), '"name_folded" ~~~ (select lower($1))')
    assert.equal(compiled(likeLower(sql.ref('name_folded'), 'écu%')), '"name_folded" ~~~ (select lower($1))')
  })

  it('walks the rows with like for a pattern with no trigram to look up, which would read the whole index', () => {
    for (const pattern of ['%a%', '%ab%', '%a_b%c%', '%ab cd%', '%\\%\\_%']) {
      assert.equal(compiled(likeLower(sql.ref('name_folded'), pattern)), '"name_folded" like (select lower($1))', pattern)
    }
  })
})

describe('hasTrigram', () => {
  it('reads escapes as the character they escape, and wildcards and separators as breaks', () => {
    const cases: Array<[string, boolean]> = [
      ['%abc%', true],
      ['a\\bc%', true],
      ['%12 3%', false],
      ['%1_23%', false],
      ['%é9ß%', true],
      ['%a\\%b%', false],
      ['', false],
    ]
    for (const [pattern, expected] of cases) assert.equal(hasTrigram(pattern), expected, pattern)
  })
})

describe('idListMatch', () => {
  it('matches an id list by the operators an index may serve under row-level security', () => {
    assert.equal(idListMatch(sql.ref('ids'), '@>', sql`${[5]}::bigint[]`).compile(db).sql, '"ids" ~@> $1::bigint[]')
    assert.equal(idListMatch(sql.ref('ids'), '&&', sql`${[5, 6]}::bigint[]`).compile(db).sql, '"ids" ~&& $1::bigint[]')
  })
})
