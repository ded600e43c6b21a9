import { AppError } from '../errors.ts'

/** 412 unless the client's If-Match names the current version (no If-Match: no precondition). */
export function assertVersion(current: number, ifMatch: readonly number[] | undefined): void {
  if (ifMatch !== undefined && !ifMatch.includes(current)) throw new AppError('precondition_failed')
}
