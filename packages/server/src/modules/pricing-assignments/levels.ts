import { Type } from 'typebox'
import type { FieldError } from '../../errors.ts'
import { dateField } from '../../resources/common-fields.ts'
import { field } from '../../resources/fields.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'

/**
 * The three levels a price is assigned at (Pricing Assignment API): a customer (all its sites and
 * inventory), one site (its inventory), one product inventory item. The more specific level wins.
 */
export const ASSIGNMENT_LEVELS = ['CUSTOMER', 'SITE', 'INVENTORY'] as const
export type AssignmentLevel = (typeof ASSIGNMENT_LEVELS)[number]

const idOf = (description: string) => Type.Integer({ ...Id, description })

/** The level and the holder's ids every assignment starts with: which ids a level needs is checked by `holderErrors`. */
export function levelFields(what: string) {
  return {
    assignmentLevel: field(StringEnum(ASSIGNMENT_LEVELS, { description: `${what} can be assigned at customer, site or product inventory levels - use the appropriate level to determine which fields are required` }), {
      column: 'assignment_level',
      access: 'create-only',
      filter: 'string',
      sortable: true,
    }),
    customerId: field(idOf('Customer identifier: required at CUSTOMER level; answered at every level where the holder is known'), {
      column: 'customer_id',
      access: 'create-only',
      filter: 'id',
      sortable: true,
      optional: true,
    }),
    siteId: field(idOf('Site identifier: required at SITE level'), { column: 'site_id', access: 'create-only', filter: 'id', sortable: true, optional: true }),
  }
}

/** The start and end dates (inclusive; no end date: open-ended). */
export const periodFields = {
  startDate: dateField('start_date'),
  endDate: field(Type.String({ format: 'date', description: 'End date (inclusive; none: open-ended)', examples: ['2019-08-24'] }), {
    column: 'end_date',
    filter: 'date',
    sortable: true,
    optional: true,
  }),
}

/** The ids naming an assignment's holder, as the write gave them. */
export interface HolderIds {
  assignmentLevel: AssignmentLevel
  customerId?: number | undefined
  siteId?: number | undefined
  inventoryId?: number | undefined
}

/**
 * A level's required holder id (400 `required`) and the ids below it that it must not name (400
 * `invalid_value`: a CUSTOMER assignment naming a site would be read as a site assignment).
 */
export function holderErrors(holder: HolderIds, inventoryField: string): FieldError[] {
  const errors: FieldError[] = []
  const required = (name: string, value: number | undefined) => {
    if (value === undefined) errors.push({ field: name, code: 'required', message: `is required at ${holder.assignmentLevel} level` })
  }
  const absent = (name: string, value: number | undefined) => {
    if (value !== undefined) errors.push({ field: name, code: 'invalid_value', message: `must be absent at ${holder.assignmentLevel} level` })
  }
  if (holder.assignmentLevel === 'CUSTOMER') {
    required('customerId', holder.customerId)
    absent('siteId', holder.siteId)
    absent(inventoryField, holder.inventoryId)
  } else if (holder.assignmentLevel === 'SITE') {
    required('siteId', holder.siteId)
    absent(inventoryField, holder.inventoryId)
  } else {
    required(inventoryField, holder.inventoryId)
  }
  return errors
}
