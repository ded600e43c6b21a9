import { Type } from 'typebox'
import { StringEnum } from './schemas.ts'

/**
 * The published `summary` header of the Pricing API's reads ("true" | "false"): a lightweight
 * answer without a record's children. `description` names what a summary leaves out.
 */
export const summaryHeader = (description: string) => Type.Object({ summary: Type.Optional(StringEnum(['true', 'false'] as const, { description })) })

export const wantsSummary = (headers: { summary?: 'true' | 'false' }): boolean => headers.summary === 'true'

/** A stored record answered as a summary (when `summary`): its resource without the fields `names`. */
export function summarised<T extends { resource: object }>(stored: T, summary: boolean, names: readonly string[]): T {
  if (!summary) return stored
  const resource: Record<string, unknown> = { ...stored.resource }
  for (const name of names) delete resource[name]
  return { ...stored, resource: resource as T['resource'] }
}
