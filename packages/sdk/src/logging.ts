/**
 * Any logger with `warn` and `error`: `console`, pino, bunyan, winston, or your own. The SDK calls
 * them with a message and a flat object of fields; `LogStyle` says in which order.
 */
export interface Logger {
  warn(...args: unknown[]): void
  error(...args: unknown[]): void
}

/**
 * `console`: `(message, fields)`, as console and winston take them.
 * `pino`: `(fields, message)`, as pino and bunyan take them (the object first becomes the JSON line).
 */
export type LogStyle = 'console' | 'pino'

/** Fields of one log line; values are already redacted when the logger sees them. */
export type LogFields = Record<string, unknown>

/** The SDK's own narrow view of a logger: a level, a message, and the fields. */
export type LogSink = (level: 'warn' | 'error', message: string, fields: LogFields) => void

const REDACTED = '[redacted]'
// Field names whose values are secrets wherever they appear (case-insensitive, any nesting).
const SECRET_KEY = /authorization|password|passwd|secret|token|api[-_]?key|cookie|credential/i
// Secrets that can hide inside free text, such as a message echoing a header or a token.
const SECRET_TEXT: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED], // a JWT
  [/(\/\/)[^/@\s:]+:[^/@\s]+@/g, `$1${REDACTED}@`], // user:password@ in a URL
  [/\b(password|passwd|secret|token|api[-_]?key)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi, `$1$2${REDACTED}`], // key=value
]

/** A copy of `value` with secrets replaced by `[redacted]`, by field name and by pattern in text. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object' || depth > 5) return value
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && item !== undefined ? REDACTED : redact(item, depth + 1)
  }
  return copy
}

function redactText(text: string): string {
  return SECRET_TEXT.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}

/**
 * pino and bunyan loggers take the fields object first; they are recognised by the methods they
 * have and `console` lacks (`bindings` in pino, `fields` with `streams` in bunyan).
 */
export function detectLogStyle(logger: Logger): LogStyle {
  const candidate = logger as unknown as Record<string, unknown>
  const isPino = typeof candidate.bindings === 'function' && typeof candidate.child === 'function'
  const isBunyan = typeof candidate.fields === 'object' && Array.isArray(candidate.streams)
  return isPino || isBunyan ? 'pino' : 'console'
}

/** The sink for a logger (none: nothing is logged); every line passes through `redact`. */
export function createLogSink(logger: Logger | undefined, style?: LogStyle): LogSink {
  if (logger === undefined) return () => {}
  const order = style ?? detectLogStyle(logger)
  return (level, message, fields) => {
    const safe = redact(withoutUndefined(fields)) as LogFields
    const text = redactText(message)
    try {
      if (order === 'pino') logger[level](safe, text)
      else logger[level](text, safe)
    } catch {
      // A broken logger must not turn a handled failure into a different one.
    }
  }
}

function withoutUndefined(fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}
