import type { Actor } from '../../auth/actor.ts'
import { passwordProblems } from '../../auth/password-policy.ts'
import type { TenantTransaction } from '../../db/database.ts'
import { AppError, assertValid, type FieldError } from '../../errors.ts'
import { ReferenceErrors } from '../../resources/references.ts'
import { contractOwnerExists } from '../contract-owners/index.ts'
import { bodyValidator } from '../../validation.ts'
import { userResource } from './user.fields.ts'
import { administratorsBeside, lockAdministrators, type User, type UserDocument } from './user.repository.ts'

/**
 * The rules of a user write, in the contract's order: the password policy (400), then escalation
 * (403): a restricted manager keeps users inside its contract owner, nobody grants a role carrying
 * a permission they do not hold, nobody manages a user who holds one; then references (400).
 */
export function assertPasswordPolicy(document: UserDocument): void {
  if (document.password !== undefined) assertValid(passwordProblems(document.password, document.username))
}

/** A restricted manager may give a user only its own contract owner (absent would mean the whole brand). */
export function assertScopeNotWidened(actor: Actor, contractOwnerId: number | undefined): void {
  if (actor.contractOwnerId === null || contractOwnerId === actor.contractOwnerId) return
  throw new AppError('insufficient_permission', {
    message: `You may only manage users of contract owner ${actor.contractOwnerId}: a user cannot get a wider scope than yours`,
  })
}

interface RoleRow {
  id: number
  name: string
  permissions: string[]
}

async function rolesOf(trx: TenantTransaction, ids: readonly number[]): Promise<RoleRow[]> {
  if (ids.length === 0) return []
  const rows = await trx.selectFrom('roles').select(['id', 'name', 'permissions']).where('id', 'in', ids).execute()
  return rows.map((row) => ({ id: Number(row.id), name: row.name, permissions: row.permissions }))
}

const lacking = (actor: Actor, role: RoleRow) => role.permissions.filter((permission) => !actor.permissions.has(permission as never))

/**
 * 403 when a role being granted carries a permission the actor lacks ("cannot grant a role you do
 * not hold", measured by what the role allows); then 400 for role ids the brand does not have.
 */
export async function checkGrantedRoles(trx: TenantTransaction, actor: Actor, roles: readonly number[], before: readonly number[], references: ReferenceErrors): Promise<void> {
  const added = roles.filter((id) => !before.includes(id))
  const found = await rolesOf(trx, added)
  for (const role of found) {
    const missing = lacking(actor, role)
    if (missing.length > 0) {
      throw new AppError('insufficient_permission', { message: `You cannot grant the role '${role.name}': it allows ${missing.join(', ')}, which you do not hold` })
    }
  }
  const unknown = added.filter((id) => !found.some((role) => role.id === id))
  if (unknown.length > 0) references.add('userRoles', `role ${unknown.join(', ')} does not exist`)
}

/** 403 when the user to change holds a role carrying a permission the actor lacks. */
export async function assertManageable(trx: TenantTransaction, actor: Actor, roles: readonly number[]): Promise<void> {
  for (const role of await rolesOf(trx, roles)) {
    if (lacking(actor, role).length > 0) {
      throw new AppError('insufficient_permission', { message: `You cannot change a user holding the role '${role.name}', which allows more than you hold` })
    }
  }
}

/**
 * 409 `last_administrator` when the write would take the brand's last administrator away (disable
 * it, take its administering role, restrict it to a contract owner): nobody could then give the
 * brand's access back. Writes that might are serialised per brand (a lock, not read-then-write),
 * so concurrent ones cannot each count on the other's administrator.
 */
export async function assertAdministratorKept(trx: TenantTransaction, brandId: number, id: number, before: User, after: UserDocument): Promise<void> {
  const mayTakeAway = before.enabled && before.contractOwnerId === undefined
    && (after.enabled === false || after.contractOwnerId !== undefined || before.userRoles.some((role) => !after.userRoles.includes(role)))
  if (!mayTakeAway) return
  await lockAdministrators(trx, brandId)
  const administrators = await administratorsBeside(trx, id, after.userRoles)
  const stays = after.enabled !== false && after.contractOwnerId === undefined && administrators.rolesAdminister
  if (administrators.is && !administrators.others && !stays) {
    throw new AppError('last_administrator', {
      message: `User ${id} is the brand's last administrator: make another user an administrator first`,
    })
  }
}

export async function checkContractOwnerReference(trx: TenantTransaction, contractOwnerId: number | undefined, references: ReferenceErrors): Promise<void> {
  if (contractOwnerId === undefined) return
  references.expect(await contractOwnerExists(trx, contractOwnerId), 'contractOwnerId', `contract owner ${contractOwnerId} does not exist`)
}

const validateUser = bodyValidator(userResource.createBody)

/**
 * The field errors the users API would answer for a user made outside it (the CLI): what it stores
 * must stay a user the API can read, change and disable.
 */
export function newUserFieldErrors(user: { username: string; firstName: string; lastName: string; email: string }): FieldError[] {
  return validateUser({ ...user, userRoles: [] })
}
