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
 */
export class PreparingClient extends pg.Client {
  // `pg.Client.query` has a dozen overloads; this one only changes the `(text, values)` form.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = shared.nameFor(config)
      if (name !== undefined) return super.query({ name, text: config, values })
    }
    return super.query(config, values, callback)
  }
}
