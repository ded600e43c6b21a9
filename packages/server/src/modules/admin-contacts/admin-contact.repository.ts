import { resourceTable } from '../../resources/table.ts'
import { adminContactResource } from './admin-contact.fields.ts'
import './admin-contact.table.ts'

export const adminContacts = resourceTable('admin_contacts', adminContactResource, { unique: { admin_contacts_name_key: 'name' } })
