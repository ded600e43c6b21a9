// CI's check of the production start: runs the compiled server (dist/server.js, as `npm start`
// does) on a fresh embedded database, then again on that existing data directory; each time waits
// until it listens, logs in, reads, stops it with SIGTERM and expects a clean exit. Prints how long
// each start took and the idle memory. Plain JavaScript: it runs what `npm run build` made.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/server.js')
const password = 'smoke-admin-password'

async function startOnce(dataDir) {
  const started = performance.now()
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ELEVATE_DATA_DIR: dataDir, ELEVATE_ADMIN_PASSWORD: password, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      const address = /"address":"(http:\/\/[^"]+)"/.exec(output)?.[1]
      if (address !== undefined) resolve(address)
    })
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)))
  })
  const readyMs = Math.round(performance.now() - started)
  const login = await fetch(`${url}/v1/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ brand: 'default', username: 'admin', password }),
  })
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`)
  const { token } = await login.json()
  const roles = await fetch(`${url}/v1/user-roles?page=1&pageSize=10`, { headers: { authorization: `Bearer ${token}` } })
  if (roles.status !== 200) throw new Error(`GET /v1/user-roles answered ${roles.status}`)
  const rssMiB = Math.round(Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0) / 1024)
  child.kill('SIGTERM')
  const code = await exited
  if (code !== 0) throw new Error(`SIGTERM: exit code ${code}`)
  if (!output.includes('"msg":"stopped"')) throw new Error('the last log line ("stopped") was not written out before exit')
  return { readyMs, rssMiB }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'elevate-smoke-'))
try {
  const first = await startOnce(dataDir)
  const again = await startOnce(dataDir)
  process.stdout.write(`compiled start: first start ${first.readyMs} ms; on the existing data directory ${again.readyMs} ms, ${again.rssMiB} MiB resident after one request\n`)
} finally {
  await rm(dataDir, { recursive: true, force: true })
}
