import { resourceTable } from '../../resources/table.ts'
import { invoiceGroupTagLabelResource } from './invoice-group-tag-label.fields.ts'
import './invoice-group-tag-label.table.ts'

export const invoiceGroupTagLabels = resourceTable('invoice_group_tag_labels', invoiceGroupTagLabelResource, {
  unique: { invoice_group_tag_labels_label_key: 'label' },
  // The sub-brand deleted after the create checked it.
  references: { invoice_group_tag_labels_sub_brand_fkey: 'contractOwnerSubBrandId' },
})
