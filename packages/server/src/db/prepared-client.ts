import pg from 'pg'

/**
 * Names for parameterised statements, so that PostgreSQL parses and plans each one once per
 * connection instead of on every execution (a prepared statement). A name always stands for the
 * same text in this process, as `pg` requires. Bounded: a process that builds more distinct texts
 * than this (lists filtered by every combination of fields) runs the rest unnamed, as before,
 * rather than filling every backend with statements.
 */
export class StatementNames {
  private readonly names = new Map<string, string>()

  constructor(private readonly max = 500) {}

  nameFor(text: string): string | undefined {
    const known = this.names.get(text)
    if (known !== undefined || this.names.size >= this.max) return known
    const name = `elevate_${this.names.size + 1}`
    this.names.set(text, name)
    return name
  }

  get size(): number {
    return this.names.size
  }
}

const shared = new StatementNames()

/**
 * `pg`'s client, preparing every query that carries parameters (what Kysely sends: text plus a
 * values array). Queries without parameters (DDL, `begin`, multi-statement batches) keep the simple
 * protocol. Given to `pg.Pool` as its `Client`, so every pooled connection behaves so.
 *
 * Kysely's form is answered through `pg`'s callback, not the promise `pg` makes when given none:
 * with that promise, the rows of a query outlived the next young-generation collection and were
 * promoted to the old one (15 % of all a list request allocated: 1–3 MB and 7–17 ms a scavenge),
 * which a loop of bare `pg` queries shows too; through the callback none are, and the same loop
 * runs 56 % more queries (docs/performance.md).
 */
export class PreparingClient extends pg.Client {
  // `pg.Client.query` has a dozen overloads; this one only changes the `(text, values)` form.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config !== 'string' || (values !== undefined && !Array.isArray(values)) || callback !== undefined) return super.query(config, values, callback)
    const name = values !== undefined && values.length > 0 ? shared.nameFor(config) : undefined
    const query = name === undefined ? { text: config, values } : { name, text: config, values }
    return new Promise((resolve, reject) => {
      super.query(query, (error: Error | undefined, result: unknown) => (error === undefined || error === null ? resolve(result) : reject(error)))
    })
  }
}
