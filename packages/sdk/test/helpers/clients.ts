import { ElevateClient, type ElevateClientOptions, type Logger } from '../../src/index.ts'
import type { FaultServer } from './fault-server.ts'

/** One captured log line. */
export interface LogLine {
  level: 'warn' | 'error'
  message: string
  fields: Record<string, unknown>
}

/** A console-style logger that keeps what it is given. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const keep = (level: LogLine['level']) => (message: unknown, fields: unknown) =>
    lines.push({ level, message: String(message), fields: fields as Record<string, unknown> })
  return { logger: { warn: keep('warn'), error: keep('error') }, lines }
}

/** A sleep that records the delays it is asked for and returns at once: tests never really wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = []
  return { delays, sleep: async (ms: number) => void delays.push(ms) }
}

export const CREDENTIALS = { brand: 'acme', username: 'admin', password: 'S3cret-Passw0rd!' } as const

/**
 * A client of the fault server with credentials, a capturing logger, a recording sleep and
 * jitter pinned to 0.5 (so the backoff delays are exactly half their ceilings). Its timeout is
 * generous, so a busy machine never turns a slow answer into a retry; timeout tests set their own.
 */
export function faultClient(server: FaultServer, overrides: Partial<ElevateClientOptions> = {}) {
  const { logger, lines } = captureLogger()
  const { sleep, delays } = recordingSleep()
  const client = new ElevateClient({
    baseUrl: server.url,
    ...CREDENTIALS,
    logger,
    timeoutMs: 30_000,
    ...overrides,
    retry: { sleep, random: () => 0.5, ...overrides.retry },
  } as ElevateClientOptions)
  return { client, lines, delays }
}

/** The log lines that report one failed attempt each. */
export function attemptLines(lines: LogLine[]): LogLine[] {
  return lines.filter((line) => line.message.includes(' attempt '))
}

/** The log lines that report a request's final failure. */
export function finalLines(lines: LogLine[]): LogLine[] {
  return lines.filter((line) => line.message.includes('request failed'))
}
