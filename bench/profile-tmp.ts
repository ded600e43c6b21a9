import path from 'node:path'
import { benchDatabase } from './lib/database.ts'
import { measure } from './lib/load.ts'
import { startNode, stop } from './lib/processes.ts'
import { scenarios } from './lib/scenarios.ts'
const admin = { brand: 'bench', username: 'admin', password: 'bench-admin-password' }
const database = await benchDatabase(admin, 20000)
try {
  const server = await startNode(['--cpu-prof', '--cpu-prof-dir', process.env.PROF_DIR!, path.resolve('packages/server/dist/server.js')], { env: { PORT: '0', LOG_LEVEL: 'info', ELEVATE_RATE_LIMIT_MAX: '0', DATABASE_URL: database.url }, cores: '0', ready: /"address":"(http:\/\/[^"]+)"/ })
  const login = await fetch(`${server.url}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) })
  const token = ((await login.json()) as { token: string }).token
  const rows = scenarios(database.seeded, token, admin).filter((r) => (process.env.ROWS ?? '').split('|').includes(r.title))
  for (const row of rows) { const m = await measure(server.url, row, { connections: 16, seconds: 8 }, server.child.pid); console.log(row.title, m.requestsPerSecond, m.errors) }
  await stop(server)
} finally { await database.drop() }
