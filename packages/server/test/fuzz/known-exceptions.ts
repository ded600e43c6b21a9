import type { Failure } from './checks.ts'

/**
 * Disagreements between the document and the server that are known, each with its owner and why.
 * The fuzzer counts them apart and says when one no longer occurs. Keep this list short: each entry
 * is a defect of the document, waiting for its fix; empty it as the fixes land.
 */
export interface KnownException {
  id: string
  reason: string
  matches(failure: Failure): boolean
}

export const KNOWN_EXCEPTIONS: KnownException[] = []
