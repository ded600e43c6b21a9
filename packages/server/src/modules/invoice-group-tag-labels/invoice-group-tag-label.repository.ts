import type { Lookup } from '../../resources/lookups.ts'
import { resourceTable } from '../../resources/table.ts'
import { invoiceGroupTagLabelResource } from './invoice-group-tag-label.fields.ts'
import './invoice-group-tag-label.table.ts'

export const invoiceGroupTagLabels = resourceTable('invoice_group_tag_labels', invoiceGroupTagLabelResource, {
  unique: { invoice_group_tag_labels_label_key: 'label' },
  // The sub-brand deleted after the create checked it.
  references: { invoice_group_tag_labels_sub_brand_fkey: 'contractOwnerSubBrandId' },
  referencedBy: { adhoc_inventories_label_fkey: 'adhoc inventories' },
})

/** The label's id, when it exists in the brand (for `lookUp`). */
export const invoiceGroupTagLabelLookup = (id: number): Lookup<number> => (db) => db.selectFrom('invoice_group_tag_labels').select('id as value').where('id', '=', id)
