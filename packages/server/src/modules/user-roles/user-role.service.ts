import type { Actor } from '../../auth/actor.ts'
import type { Permission } from '../../auth/permissions.ts'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import { pageOf } from '../../lists/apply.ts'
import { parseListQuery, project } from '../../lists/list-query.ts'
import * as roles from './user-role.repository.ts'
import { userRoleList, type UserRole } from './user-role.schemas.ts'

type RoleRow = { id: number; name: string; permissions: string[] }

function toUserRole(row: RoleRow): UserRole {
  return { id: row.id, name: row.name, permissions: row.permissions as Permission[] }
}

export class UserRoleService {
  constructor(private readonly db: Database) {}

  async list(actor: Actor, query: Record<string, unknown>) {
    const list = parseListQuery(query, userRoleList)
    const rows = await this.db.readTenant(actor.brandId, (db) => roles.selectRoles(db, list))
    const page = pageOf(rows.map(toUserRole), list)
    return { page: list.page, hasNext: page.hasNext, items: project(page.items, list.fields) }
  }

  async get(actor: Actor, id: number): Promise<UserRole> {
    const row = await this.db.readTenant(actor.brandId, (db) => roles.findRole(db, id))
    if (row === undefined) throw new AppError('not_found', { message: `User role ${id} was not found` })
    return toUserRole(row)
  }
}
