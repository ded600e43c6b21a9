import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { firstUnreachable } from '../../src/db/postgres-user.ts'

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const asRoot = process.getuid?.() === 0

/**
 * A checkout of the server in `dir`: the server package as it is (sources, scripts, configuration;
 * not its build or tests), the workspace manifests, and the installed node_modules (hard links when
 * possible). `npm start` then builds and starts it as on a fresh clone.
 */
async function checkoutInto(dir: string): Promise<void> {
  for (const file of ['package.json', 'packages/sdk/package.json']) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await cp(path.join(repository, file), path.join(dir, file))
  }
  const server = path.join(repository, 'packages/server')
  const skipped = new Set(['node_modules', 'dist', 'test', 'bench'].map((name) => path.join(server, name)))
  await cp(server, path.join(dir, 'packages/server'), { recursive: true, filter: (source) => !skipped.has(source) })
  const run = promisify(execFile)
  const link = (from: string, to: string) => run('cp', ['-al', from, to]).catch(() => run('cp', ['-a', from, to]))
  await link(path.join(repository, 'node_modules'), dir)
  // What npm did not hoist (another version than the root's) stays beside the server.
  await link(path.join(server, 'node_modules'), path.join(dir, 'packages/server')).catch(() => undefined)
}

/** `npm start` as a new user types it, with nothing set; resolves with its exit code and all it printed. */
function npmStart(cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['start'], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', PORT: '0' } })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })))
}

describe('the quick start as root in a directory the postgres user cannot enter', { skip: !asRoot && 'runs as root only', timeout: 120_000 }, () => {
  const cleanups: string[] = []
  after(async () => {
    for (const dir of cleanups) await rm(dir, { recursive: true, force: true })
  })

  it('npm start stops with one line saying what is wrong and how to fix it, never a stack trace', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'elevate-private-')) // mode 0700, as /root
    cleanups.push(home)
    await checkoutInto(home)
    const { code, output } = await npmStart(home)
    assert.equal(code, 1, output)
    const ours = output.split('\n').filter((line) => line.startsWith('Elevate API'))
    assert.equal(ours.length, 1, output)
    assert.match(ours[0]!, /^Elevate API cannot start: .*'postgres' user.*cannot enter .*elevate-private-.*: move the checkout .*or set DATABASE_URL/)
    assert.doesNotMatch(output, /^\s+at /m, 'no stack trace')
    assert.doesNotMatch(output, /EACCES/)
  })

  it('finds the first directory on the way that the postgres user cannot enter', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'elevate-private-'))
    cleanups.push(home)
    await mkdir(path.join(home, 'a/b'), { recursive: true, mode: 0o755 })
    assert.equal(await firstUnreachable(path.join(home, 'a/b'), 1), home)
    assert.equal(await firstUnreachable(tmpdir(), 1), undefined)
  })
})
