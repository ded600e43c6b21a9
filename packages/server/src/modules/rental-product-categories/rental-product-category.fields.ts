import { Type } from 'typebox'
import { dateField, idField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { idListField, MAX_LISTED_IDS, readIds } from '../../resources/id-lists.ts'
import { describeResource } from '../../resources/resource.ts'
import { Id, NameText, StringEnum } from '../../resources/schemas.ts'

/** The published `displayIcon` values (Font Awesome 4 names). */
export const DISPLAY_ICONS = [
  'fa-wifi', 'fa-sitemap', 'fa-server', 'fa-hdd-o', 'fa-database', 'fa-plug', 'fa-bolt', 'fa-cloud', 'fa-cloud-download', 'fa-cloud-upload',
  'fa-globe', 'fa-exchange', 'fa-lock', 'fa-unlock', 'fa-shield', 'fa-cogs', 'fa-rss', 'fa-code-fork', 'fa-random', 'fa-location-arrow',
  'fa-terminal', 'fa-phone', 'fa-envelope-o', 'fa-wrench',
] as const


/**
 * A rental product category's fields (Products API 2.13, tag `rental-product-category`: "used to
 * group rental products together"). Rate cards price the products of one category. `siMaintained`
 * categories are kept by the platform's operators: the API shows them and refuses to change them,
 * or the products in them.
 */
export const rentalProductCategoryFields = {
  id: idField(),
  name: field(NameText(255, { description: 'Rental product category name, unique within the brand', examples: ['Broadband'] }), { column: 'name', filter: 'string', folded: true, sortable: true }),
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'Rental product category end date (none: open-ended)', examples: ['2019-08-24'] }), { column: 'end_date', sortable: true, optional: true }),
  siMaintained: field(Type.Boolean({ description: 'If true the category is maintained by SI: it, and the products under it, cannot be created, updated or deleted through the API' }), {
    column: 'si_maintained',
    access: 'read-only',
  }),
  // Published as required: a category serves at least one contract owner.
  contractOwnerIds: field(Type.Array(Id, { minItems: 1, uniqueItems: true, maxItems: MAX_LISTED_IDS, description: 'Contract owner identifiers', examples: [[1]] }), {
    column: 'contract_owner_ids',
    read: readIds,
  }),
  supplierAccountIds: idListField('supplier_account_ids', 'Supplier account ids with this category'),
  displayIcon: field(StringEnum(DISPLAY_ICONS, { description: 'Display icon for the rental product category' }), { column: 'display_icon', optional: true }),
}

export const rentalProductCategoryResource = describeResource(rentalProductCategoryFields, { noun: 'Rental product category' })
