import { AppError } from '../errors.ts'

// Node's socket errors and PostgreSQL's connection_exception class (08) and shutdown codes.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  '57P01', '57P02', '57P03', '53300',
])
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
]

/** Whether an error means the database cannot be reached right now (as opposed to a bad query). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnreachable)) return true
  return UNREACHABLE_MESSAGES.some((text) => error.message.includes(text))
}

/** Names the database failures the contract answers deliberately: unreachable → 503. */
export function classifyDatabaseError(retryAfterSeconds: number): (error: unknown) => AppError | undefined {
  return (error) => (isDatabaseUnreachable(error) ? new AppError('database_unavailable', { retryAfterSeconds, cause: error }) : undefined)
}

/** The constraint a unique violation (23505) broke, if that is what the error is. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const pgError = error as { code?: unknown; constraint?: unknown }
  return pgError.code === '23505' && typeof pgError.constraint === 'string' ? pgError.constraint : undefined
}

/** The foreign key a foreign-key violation (23503) broke, and the referencing table it belongs to. */
export function violatedForeignKey(error: unknown): { constraint: string; table: string | undefined } | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const pgError = error as { code?: unknown; constraint?: unknown; table?: unknown }
  if (pgError.code !== '23503' || typeof pgError.constraint !== 'string') return undefined
  return { constraint: pgError.constraint, table: typeof pgError.table === 'string' ? pgError.table : undefined }
}
