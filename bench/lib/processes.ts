import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/** Whether `taskset` can pin processes to cores here (Linux with util-linux, at least 2 cores). */
export const canPin = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' }).status === 0

/** Pins this process (and what it starts from now on) to the given cores, e.g. '1'. */
export function pinSelf(cores: string): void {
  if (canPin) spawnSync('taskset', ['-acp', cores, String(process.pid)], { stdio: 'ignore' })
}

export interface Started {
  child: ChildProcess
  url: string
  /** Ready: from spawn until the process said it listens, or answered. */
  readyMs: number
}

/**
 * Runs `node <args>` pinned to `cores`, resolving once its output matches `ready` (whose first
 * group is the URL) or, without `ready`, once `probe` answers.
 */
export async function startNode(
  args: string[],
  options: { env?: Record<string, string>; cores?: string; ready?: RegExp; probe?: string },
): Promise<Started> {
  const command = canPin && options.cores !== undefined ? ['taskset', '-c', options.cores, process.execPath] : [process.execPath]
  const started = performance.now()
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`))),
  )
  exited.catch(() => undefined)
  child.stdout!.on('data', (chunk: Buffer) => {
    if (output.length < 100_000) output += chunk.toString()
  })
  const url = await Promise.race([exited, options.ready !== undefined ? matched(() => output, options.ready) : answered(options.probe!)])
  return { child, url, readyMs: Math.round(performance.now() - started) }
}

async function matched(output: () => string, ready: RegExp): Promise<string> {
  for (;;) {
    const url = ready.exec(output())?.[1]
    if (url !== undefined) return url
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function answered(url: string): Promise<string> {
  for (;;) {
    const ok = await fetch(url).then(() => true, () => false)
    if (ok) return new URL(url).origin
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    started.child.once('exit', () => resolve())
    started.child.kill('SIGTERM')
  })
}

/** Resident memory of a process, in MiB. */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Math.round(Number(kib ?? 0) / 1024)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
