import { randomBytes } from 'node:crypto'
import type { Actor } from '../../auth/actor.ts'
import { hashPassword } from '../../auth/passwords.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import { notFound } from '../../resources/crud.ts'
import type { CreateOf } from '../../resources/fields.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { scopeConditions } from '../../resources/scope.ts'
import { assertVersion, patchStored } from '../../resources/versioned.ts'
import { recordEvent } from '../events/index.ts'
import { assertManageable, checkGrantedRoles } from '../users/index.ts'
import { appClientResource, type appClientFields } from './app-client.fields.ts'
import { findClient, insertClient, pageClients, removeClient, replaceSecret, updateClient, type AppClient, type StoredClient } from './app-client.repository.ts'

/** A secret of 256 random bits, and a client id of 128: neither can be guessed. */
const newSecret = () => randomBytes(32).toString('base64url')
const newClientId = () => randomBytes(16).toString('hex')

/**
 * App clients: created within the creator's contract owner (a restricted manager's clients are
 * restricted too), with roles under the same escalation rules as users. The secret is answered
 * by the create and by a rotation, once; only its argon2id hash is kept.
 */
export function appClientUseCases(db: Database) {
  const scope = (actor: Actor) => scopeConditions(actor, 'contract_owner_id')
  const visible = async (trx: TenantTransaction, actor: Actor, id: number, lock = false): Promise<StoredClient> =>
    (await findClient(trx, id, scope(actor), lock)) ?? Promise.reject(notFound('App client', id))
  const event = (trx: TenantTransaction, actor: Actor, client: AppClient, action: string, what: string) =>
    recordEvent(trx, { category: 'authentication', action, description: `App client ${client.appClientId} (${client.name}) ${what} by ${actor.username}`, username: client.appClientId, ipAddress: actor.address })

  return {
    list: (actor: Actor, list: ListRequest) => db.readTenant(actor.brandId, (reader) => pageClients(reader, list, scope(actor))),
    get: (actor: Actor, id: number) => db.readTenant(actor.brandId, (reader) => visible(reader, actor, id)),

    async create(actor: Actor, body: CreateOf<typeof appClientFields>) {
      const secret = newSecret()
      const secretHash = await hashPassword(secret)
      return db.withTenant(actor.brandId, async (trx) => {
        const references = new ReferenceErrors()
        await checkGrantedRoles(trx, actor, body.userRoles, [], references)
        references.throwIfAny()
        const id = await insertClient(trx, { document: body, clientId: newClientId(), secretHash, contractOwnerId: actor.contractOwnerId })
        const created = await visible(trx, actor, id)
        await event(trx, actor, created.resource, 'app-client-created', `was created with roles [${created.resource.userRoles.join(', ')}]`)
        return { resource: { ...created.resource, clientSecret: secret }, version: created.version }
      })
    },

    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visible(trx, actor, id, true)
        return patchStored(appClientResource, current, patch, async (document) => {
          await assertManageable(trx, actor, current.resource.userRoles)
          const references = new ReferenceErrors()
          await checkGrantedRoles(trx, actor, document.userRoles, current.resource.userRoles, references)
          references.throwIfAny()
          await updateClient(trx, current, document)
          const updated = await visible(trx, actor, id)
          const [before, after] = [current.resource.userRoles, updated.resource.userRoles]
          if (before.join() !== after.join()) await event(trx, actor, updated.resource, 'app-client-roles-changed', `had its roles changed from [${before.join(', ')}] to [${after.join(', ')}]`)
          return updated
        })
      }),

    rotateSecret: async (actor: Actor, id: number) => {
      const secret = newSecret()
      const secretHash = await hashPassword(secret)
      return db.withTenant(actor.brandId, async (trx) => {
        const current = await visible(trx, actor, id, true)
        await assertManageable(trx, actor, current.resource.userRoles)
        await replaceSecret(trx, current, secretHash)
        const rotated = await visible(trx, actor, id)
        await event(trx, actor, rotated.resource, 'app-client-secret-rotated', 'had its secret rotated (tokens issued before are revoked)')
        return { ...rotated.resource, clientSecret: secret }
      })
    },

    remove: (actor: Actor, id: number, ifMatch?: readonly number[]) =>
      db.withTenant(actor.brandId, async (trx) => {
        const current = await visible(trx, actor, id, true)
        assertVersion(current.version ?? 0, ifMatch)
        await assertManageable(trx, actor, current.resource.userRoles)
        await removeClient(trx, current)
        await event(trx, actor, current.resource, 'app-client-deleted', 'was deleted')
      }),
  }
}

export type AppClientUseCases = ReturnType<typeof appClientUseCases>
