import pg from 'pg'

/**
 * A transaction of the test's own, left open on the database (as the owner, so row-level security
 * does not apply): what a concurrent request's transaction holds while it runs. Another connection
 * watches for the requests it blocks, so a test knows a request is waiting inside the database
 * without relying on timing.
 */
export interface OpenTransaction {
  /** Runs a statement inside the open transaction. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>
  /** How many backends wait for a lock this transaction holds. */
  waiters(): Promise<number>
  commit(): Promise<void>
  rollback(): Promise<void>
}

export async function openTransaction(url: string): Promise<OpenTransaction> {
  const holder = new pg.Client({ connectionString: url })
  const watcher = new pg.Client({ connectionString: url })
  await Promise.all([holder.connect(), watcher.connect()])
  await holder.query('begin')
  const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid
  const end = async (statement: string) => {
    try {
      await holder.query(statement)
    } finally {
      await Promise.all([holder.end(), watcher.end()])
    }
  }
  return {
    query: (text, values) => holder.query(text, values),
    async waiters() {
      const result = await watcher.query<{ count: string }>('select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [pid])
      return Number(result.rows[0]!.count)
    },
    commit: () => end('commit'),
    rollback: () => end('rollback'),
  }
}

/** Resolves once a request waits for a lock of `transaction` (checked between event-loop turns, no timers). */
export async function untilBlocked(transaction: OpenTransaction): Promise<void> {
  while ((await transaction.waiters()) === 0) await new Promise((resolve) => setImmediate(resolve))
}
