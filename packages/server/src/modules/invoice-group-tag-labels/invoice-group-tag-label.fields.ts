import { Type } from 'typebox'
import { field } from '../../resources/fields.ts'
import { idField, timestampField } from '../../resources/common-fields.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id } from '../../resources/schemas.ts'

/**
 * An invoice group tag label's fields (Admin API 1.46, InvoiceGroupTagLabel): a sub-brand's name
 * for the tags that group mid-month charges onto their own invoices.
 */
export const invoiceGroupTagLabelFields = {
  id: idField(),
  label: field(Type.String({ minLength: 1, maxLength: 100, description: "Label name used to categorise invoice charges (e.g. 'Cost Centre', 'PO Number', 'Department')", examples: ['Cost Centre'] }), {
    column: 'label',
    filter: 'string',
    sortable: true,
  }),
  // Taken from the path on create (a body may repeat it); fixed afterwards.
  contractOwnerSubBrandId: field(Type.Integer({ ...Id, description: 'The sub-brand whose label it is: the one in the path' }), {
    column: 'contract_owner_sub_brand_id',
    access: 'create-only',
    defaulted: true,
    sortable: true,
  }),
  showOnInvoice: field(Type.Boolean({ description: 'Display this label and its value on customer invoices (absent on create: true)' }), {
    column: 'show_on_invoice',
    filter: 'boolean',
    default: true,
  }),
  createdDate: timestampField('created_date', 'sort'),
  updatedDate: timestampField('updated_date', 'sort'),
}

export const invoiceGroupTagLabelResource = describeResource(invoiceGroupTagLabelFields, { noun: 'Invoice group tag label' })
