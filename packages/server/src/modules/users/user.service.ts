import type { Actor } from '../../auth/actor.ts'
import { generatePassword, hashPassword } from '../../auth/passwords.ts'
import type { Database, TenantTransaction } from '../../db/database.ts'
import type { Condition } from '../../lists/filters.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import type { CreateOf } from '../../resources/fields.ts'
import { notFound } from '../../resources/crud.ts'
import type { PatchRequest } from '../../resources/patch.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { scopeConditions } from '../../resources/scope.ts'
import type { Stored } from '../../resources/table.ts'
import { patchStored } from '../../resources/versioned.ts'
import { userResource, type userFields } from './user.fields.ts'
import { findUser, insertUser, lockUser, pageUsers, reloadUser, updateUser, userExists, type User, type UserDocument } from './user.repository.ts'
import { assertAdministratorKept, assertManageable, assertPasswordPolicy, assertScopeNotWidened, checkContractOwnerReference, checkGrantedRoles } from './user.rules.ts'

/** What a user write changed, for the security events the module records with it. */
export interface UserChange {
  actor: Actor
  before: User | undefined
  after: User
  passwordChanged: boolean
}

export type RecordUserChange = (trx: TenantTransaction, change: UserChange) => Promise<void>

/** Users: a restricted manager sees the users of its contract owner only (others are 404). */
export function userUseCases(db: Database, record: RecordUserChange = async () => {}) {
  const scope = (actor: Actor): Condition[] => scopeConditions(actor, 'contract_owner_id')

  return {
    list: (actor: Actor, list: ListRequest) => db.readTenant(actor.brandId, (reader) => pageUsers(reader, list, scope(actor))),
    exists: (actor: Actor, conditions: Condition[]) => db.readTenant(actor.brandId, (reader) => userExists(reader, [...scope(actor), ...conditions])),
    get: (actor: Actor, id: number) =>
      db.readTenant(actor.brandId, async (reader) => (await findUser(reader, id, scope(actor))) ?? Promise.reject(notFound('User', id))),

    async create(actor: Actor, body: CreateOf<typeof userFields>): Promise<Stored<User>> {
      // A restricted manager's users are of its contract owner unless it says otherwise.
      const document: UserDocument = { ...body, contractOwnerId: body.contractOwnerId ?? actor.contractOwnerId ?? undefined }
      assertPasswordPolicy(document)
      // Hashed before the transaction: argon2 takes a while, and a user without a password
      // cannot log in until one is set (an unknown random one is stored).
      const passwordHash = await hashPassword(document.password ?? generatePassword())
      return db.withTenant(actor.brandId, async (trx) => {
        assertScopeNotWidened(actor, document.contractOwnerId)
        const references = new ReferenceErrors()
        await checkGrantedRoles(trx, actor, document.userRoles, [], references)
        await checkContractOwnerReference(trx, document.contractOwnerId, references)
        references.throwIfAny()
        const created = await reloadUser(trx, await insertUser(trx, document, passwordHash))
        await record(trx, { actor, before: undefined, after: created.resource, passwordChanged: document.password !== undefined })
        return created
      })
    },

    update: (actor: Actor, id: number, patch: PatchRequest) =>
      db.withTenant(actor.brandId, async (trx) => {
        if (!(await lockUser(trx, id, scope(actor)))) throw notFound('User', id)
        const current = (await findUser(trx, id, []))!
        return patchStored(userResource, current, patch, async (document) => {
          assertPasswordPolicy(document)
          assertScopeNotWidened(actor, document.contractOwnerId)
          await assertManageable(trx, actor, current.resource.userRoles)
          const references = new ReferenceErrors()
          await checkGrantedRoles(trx, actor, document.userRoles, current.resource.userRoles, references)
          if (document.contractOwnerId !== current.resource.contractOwnerId) await checkContractOwnerReference(trx, document.contractOwnerId, references)
          references.throwIfAny()
          await assertAdministratorKept(trx, actor.brandId, id, current.resource, document)
          const passwordHash = document.password === undefined ? undefined : await hashPassword(document.password)
          await updateUser(trx, current, document, passwordHash)
          const updated = await reloadUser(trx, id)
          await record(trx, { actor, before: current.resource, after: updated.resource, passwordChanged: passwordHash !== undefined })
          return updated
        })
      }),
  }
}

export type UserUseCases = ReturnType<typeof userUseCases>
