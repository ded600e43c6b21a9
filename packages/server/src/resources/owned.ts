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
  references.expect(await exists(trx, contractOwnerId), 'contractOwnerId', `contract owner ${contractOwnerId} does not exist`)
  return references
}
