import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'

type Destination = ReturnType<typeof pino.destination>
const destinations = new WeakMap<Logger, Destination>()

/**
 * Lines are written 4 KB at a time, and at least every 100 ms: under load a write per request's
 * line cost about 115 µs of the event loop's time (a sixteenth of a page of rate cards, in a
 * profile of `bench:catalogue`), and each also woke a thread of libuv's pool; batched, about a
 * tenth of that. A process killed outright loses at most the last 100 ms of lines.
 */
const LOG_BATCH_BYTES = 4096
const LOG_FLUSH_MS = 100

/**
 * Structured JSON logs on stdout, written asynchronously: a log call queues its line and returns,
 * and lines go out in batches while the event loop serves requests, instead of a blocking write
 * per line. What is queued must be flushed before the process exits (`flushLogs`), which
 * `server.ts` does on shutdown and on a fatal error.
 *
 * Secrets never reach the logs: no headers or bodies are logged, and any field by these names is
 * censored should one slip into a log call.
 */
export function createLogger(level: Config['logLevel']): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: LOG_BATCH_BYTES, periodicFlush: LOG_FLUSH_MS })
  const logger = pino(
    {
      level,
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'secret', '*.secret'],
        censor: '[redacted]',
      },
    },
    destination,
  )
  destinations.set(logger, destination)
  return logger
}

/**
 * Writes out every queued line in order and closes the log: the last step of a graceful stop.
 * `flushLogs` cannot promise the order: it writes what is queued at once, while the batch that an
 * asynchronous write has in flight may land after it. Ending the destination waits for that
 * batch, then writes the rest behind it.
 */
export function endLogs(logger: Logger): Promise<void> {
  const destination = destinations.get(logger)
  if (destination === undefined) return Promise.resolve()
  destinations.delete(logger)
  return new Promise((resolve) => {
    destination.once('close', () => resolve())
    destination.once('error', () => resolve())
    destination.end()
  })
}

/** Writes out every queued line, synchronously: for a process about to exit, even from a crash. */
export function flushLogs(logger: Logger): void {
  try {
    destinations.get(logger)?.flushSync()
  } catch {
    // Nothing more can be done for the logs of a process that is going down.
  }
}
