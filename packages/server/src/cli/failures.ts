import { ConfigError } from '../config.ts'
import { EmbeddedPostgresError } from '../db/postgres-user.ts'

/** A mistake on the command line or in the input: one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A command that could not do what was asked, for a reason the operator can act on: one line, exit code 1. */
export class CommandFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommandFailure'
  }
}

let beforeExit = () => {}
/** Set once there is a logger: a command that fails still writes out the lines it logged. */
export function setBeforeExit(flush: () => void): void {
  beforeExit = flush
}

/**
 * What the operator can fix, said in one line with how to fix it; undefined for anything else
 * (a bug: the stack is printed).
 */
export function explain(error: unknown): string | undefined {
  if (error instanceof UsageError || error instanceof CommandFailure || error instanceof EmbeddedPostgresError) return error.message
  if (error instanceof ConfigError) return `invalid configuration: ${error.problems.join('; ')} (see docs/configuration.md)`
  const { code, address, port, hostname, syscall } = error as { code?: string; address?: string; port?: number; hostname?: string; syscall?: string }
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port ?? '?'} on ${address ?? 'this host'} is already in use: stop what uses it, or set PORT to another port`
    case 'EACCES':
      return syscall === 'listen'
        ? `no permission to listen on port ${port ?? '?'}: use a port above 1023 (PORT), or run behind a proxy`
        : `permission denied: ${(error as Error).message}`
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${address ?? 'HOST'}: it is not an address of this machine (set HOST, e.g. 0.0.0.0)`
    case 'ECONNREFUSED':
      return `cannot connect to PostgreSQL at ${address ?? '?'}:${port ?? '?'} (connection refused): is it running? Check DATABASE_URL`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve the database host '${hostname ?? '?'}': check the host name in DATABASE_URL`
    case 'ETIMEDOUT':
      return 'connecting to PostgreSQL timed out: check DATABASE_URL and the network between them'
    case '28P01':
    case '28000':
      return 'PostgreSQL refused the user name or password of DATABASE_URL: check them'
    case '3D000':
      return `the database in DATABASE_URL does not exist: create it (createdb) or fix the URL`
  }
  return undefined
}

/** Runs a command: exit 0 when it resolves, else one line on stderr (a stack only for a bug). */
export function runCommand(name: string, work: () => Promise<void>, options: { exitOnSuccess: boolean }): void {
  work().then(
    () => {
      if (!options.exitOnSuccess) return
      beforeExit()
      process.exit(0)
    },
    (error: unknown) => {
      beforeExit()
      const known = explain(error)
      const [cannot, failed] = name === 'start' ? ['Elevate API cannot start', 'Elevate API failed to start'] : [`elevate-api ${name}`, `elevate-api ${name} failed`]
      if (known !== undefined) process.stderr.write(`${cannot}: ${known}\n`)
      else process.stderr.write(`${failed}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exit(error instanceof UsageError ? 2 : 1)
    },
  )
}
