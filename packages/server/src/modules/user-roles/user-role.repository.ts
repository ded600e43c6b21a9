import { resourceTable } from '../../resources/table.ts'
import { userRoleResource } from './user-role.fields.ts'

export const roles = resourceTable('roles', userRoleResource)
