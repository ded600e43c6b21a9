import pg from 'pg'
import { createTestDatabase } from './helpers/database.ts'
import { startServerProcess } from './helpers/process.ts'
const database = await createTestDatabase()
const name = new URL(database.url).pathname.slice(1)
const server = await startServerProcess({ DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: 'lost-connection-password', LOG_LEVEL: 'info' })
const token = await server.login({ brand: 'default', username: 'admin', password: 'lost-connection-password' })
const holder = new pg.Client({ connectionString: database.url }); const watcher = new pg.Client({ connectionString: database.url })
await holder.connect(); await watcher.connect()
await holder.query('begin'); await holder.query('lock table roles in access exclusive mode')
const pid = (await holder.query('select pg_backend_pid() as pid')).rows[0].pid
console.log('locked', pid)
const pending = server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })
for (let i = 0; i < 2000; i++) {
  const r = await watcher.query(`select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`, [pid])
  if (i % 100 === 0 || r.rows[0].count !== '0') console.log(i, r.rows[0].count)
  if (r.rows[0].count !== '0') break
  await new Promise((resolve) => setImmediate(resolve))
}
console.log('done')
await holder.end(); await watcher.end()
console.log((await pending).status)
await server.stop(); await database.drop()
