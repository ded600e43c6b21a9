import type { Actor } from '../auth/actor.ts'
import type { TenantTransaction } from '../db/database.ts'
import { ReferenceErrors } from './references.ts'
import { assertWritableBy } from './scope.ts'

/**
 * The checks every record that belongs to a contract owner shares, in the contract's order: the
 * actor may write for that owner (403), then the owner exists in the brand (400).
 */
export async function checkContractOwner(
  trx: TenantTransaction,
  actor: Actor,
  contractOwnerId: number,
  exists: (trx: TenantTransaction, id: number) => Promise<boolean>,
  references = new ReferenceErrors(),
): Promise<ReferenceErrors> {
  assertWritableBy(actor, contractOwnerId)
  return expectContractOwner(references, contractOwnerId, await exists(trx, contractOwnerId))
}

/** The 400 of a contract owner not found, for a write that looked it up with its other references. */
export function expectContractOwner(references: ReferenceErrors, contractOwnerId: number, found: boolean): ReferenceErrors {
  references.expect(found, 'contractOwnerId', `contract owner ${contractOwnerId} does not exist`)
  return references
}
