import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'

/** Structured JSON logs. Secrets never reach them: no headers or bodies are logged, and any field
 * by these names is censored should one slip into a log call. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret'],
      censor: '[redacted]',
    },
  })
}
