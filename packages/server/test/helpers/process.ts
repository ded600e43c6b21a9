import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HttpClient } from './http.ts'

const serverEntry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/server.ts')

export interface ServerProcess extends HttpClient {
  url: string
  /** Everything the process wrote to stdout so far. */
  output(): string
  /** Everything the process wrote to stderr so far. */
  errors(): string
  /** The exit code once the process has ended; null while it runs. */
  exitCode(): number | null
  stop(): Promise<number | null>
  /** Sends a signal and returns at once (stop() sends SIGTERM and waits). */
  signal(name: NodeJS.Signals): void
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>
}

/**
 * Runs `src/server.ts` as its own process, exactly as `npm start` does, on a free port; resolves
 * once it logs that it listens. `env` is the whole environment it gets, besides PATH.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    // No general rate limit or load shedding unless a test asks: tests send bursts a real client
    // would not, and a busy test machine starves processes of CPU for seconds.
    // Pools of 3, not 10: test files run in parallel on one PostgreSQL server, whose connections
    // (100 by default) they share (scripts/test.ts counts on this).
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ELEVATE_RATE_LIMIT_MAX: '0', ELEVATE_MAX_EVENT_LOOP_DELAY_MS: '0', ELEVATE_DB_POOL_SIZE: '3', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const address = /"address":"(http:\/\/[^"]+)"/.exec(stdout)?.[1]
      if (address !== undefined && !(child as ChildProcess & { announced?: boolean }).announced) {
        ;(child as ChildProcess & { announced?: boolean }).announced = true
        resolve(Object.assign(new HttpClient(address), {
          url: address,
          output: () => stdout,
          errors: () => stderr,
          exitCode: () => child.exitCode ?? (child.signalCode === null ? null : -1),
          stop: () => stop(child),
          signal: (name: NodeJS.Signals) => void child.kill(name),
          exited: () => exited,
        }))
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${stdout}\n${stderr}`)))
  })
}

/**
 * Starts two servers together (instances racing on one database). If one fails to start, the other
 * is stopped before the error is thrown, so it does not outlive the test and hold its run open.
 */
export async function startServerPair(env: Record<string, string>): Promise<[ServerProcess, ServerProcess]> {
  const [a, b] = await Promise.allSettled([startServerProcess(env), startServerProcess(env)])
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value]
  await Promise.all([a, b].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)))
  throw (a.status === 'rejected' ? a : (b as PromiseRejectedResult)).reason
}

/** How long a stopped server may take to close before it is killed: cleanup, not synchronisation. */
const STOP_GRACE_MS = 10_000

/**
 * SIGTERM, then SIGKILL if the process is still there after the grace period, so a server stuck in
 * its shutdown cannot hang the test run. Resolves with the exit code (null when it had to be killed).
 */
function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    child.once('exit', (code) => {
      clearTimeout(kill)
      resolve(code)
    })
    child.kill('SIGTERM')
  })
}

/** Runs the server expecting it to refuse to start; resolves with its exit code and stderr. */
export function runServerExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })))
}
