import type { FieldError } from '../../errors.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import { periodsOverlap } from '../../resources/periods.ts'
import { matchesFormat } from '../../resources/regex.ts'
import type { SiteTerms } from '../customers/index.ts'
import type { UsageProductTerms } from '../usage-products/index.ts'
import type { ReferenceItem } from './usage-product-inventory.repository.ts'

/** The fields of a UPI the rules read. */
export interface UsageInventory {
  siteId: number
  usageProductId: number
  startDate: string
  endDate?: string
  pendingEndDate?: string
  billByServiceId?: boolean
  serviceId?: string
  productReferences: ReferenceItem[]
}

const invalid = (field: string, message: string): FieldError => ({ field, code: 'invalid_value', message })
const within = (date: string, from: string, to: string | null | undefined) => from <= date && (to === undefined || to === null || date <= to)
const span = (from: string, to: string | null) => (to === null ? `from ${from}` : `from ${from} to ${to}`)
const at = (i: number, field: string) => `productReferences[${i}].${field}`

/** The references as stored: each dated (from the UPI's start when it says nothing), one primary (the first, when none is). */
export function normalised<U extends UsageInventory>(upi: U): U {
  const references = upi.productReferences.map((item) => ({ ...item, startDate: item.startDate ?? upi.startDate, primary: item.primary === true }))
  if (!references.some((item) => item.primary)) references[0] = { ...references[0]!, primary: true }
  return { ...upi, productReferences: references }
}

/**
 * The UPI's own rules, before anything is read: dates in order; billing by service id needs one;
 * each reference within the UPI's dates; primaries and repeats of one reference never at once.
 */
export function ownRuleErrors(upi: UsageInventory): FieldError[] {
  const errors = dateOrderErrors(upi.startDate, upi.endDate, 'endDate', 'startDate')
  errors.push(...dateOrderErrors(upi.startDate, upi.pendingEndDate, 'pendingEndDate', 'startDate'))
  if (upi.billByServiceId === true && upi.serviceId === undefined) errors.push({ field: 'serviceId', code: 'required', message: 'is required to bill by service id' })
  const references = upi.productReferences
  references.forEach((item, i) => {
    const start = item.startDate ?? upi.startDate
    errors.push(...dateOrderErrors(start, item.endDate, at(i, 'endDate'), 'startDate'))
    if (!within(start, upi.startDate, upi.endDate)) errors.push(invalid(at(i, 'startDate'), `must be within the UPI's dates (${span(upi.startDate, upi.endDate ?? null)})`))
    if (upi.endDate !== undefined && item.endDate !== undefined && item.endDate > upi.endDate) errors.push(invalid(at(i, 'endDate'), `must not be after the UPI's endDate ${upi.endDate}`))
    for (let j = 0; j < i; j++) {
      const other = references[j]!
      const period = { startDate: start, endDate: item.endDate }
      const otherPeriod = { startDate: other.startDate ?? upi.startDate, endDate: other.endDate }
      if (!periodsOverlap(period, otherPeriod)) continue
      if (other.productReference === item.productReference) errors.push(invalid(at(i, 'productReference'), `repeats productReferences[${j}] at the same time`))
      if (other.primary === true && item.primary === true) errors.push(invalid(at(i, 'primary'), `productReferences[${j}] is primary at the same time: one primary reference at a time`))
    }
  })
  return errors
}

/** What the site and the usage product say: live and available on the start date; references and service id in the product's formats. */
export function termErrors(upi: UsageInventory, site: SiteTerms, product: UsageProductTerms): FieldError[] {
  const errors: FieldError[] = []
  if (!within(upi.startDate, site.startDate, site.endDate)) errors.push(invalid('siteId', `site ${upi.siteId} is live ${span(site.startDate, site.endDate)}, not on the startDate ${upi.startDate}`))
  if (!within(upi.startDate, product.availableFrom, product.availableTo)) {
    errors.push(invalid('usageProductId', `usage product ${upi.usageProductId} is available ${span(product.availableFrom, product.availableTo)}, not on the startDate ${upi.startDate}`))
  }
  upi.productReferences.forEach((item, i) => {
    if (!matchesFormat(product.productReferenceFormat, item.productReference)) {
      errors.push({ field: at(i, 'productReference'), code: 'invalid_format', message: `does not match the usage product's format ${JSON.stringify(product.productReferenceFormat)}` })
    }
  })
  if (upi.serviceId === undefined) {
    if (product.serviceIdRequired) errors.push({ field: 'serviceId', code: 'required', message: 'is required by the usage product' })
  } else if (product.serviceIdFormat !== null && !matchesFormat(product.serviceIdFormat, upi.serviceId)) {
    errors.push({ field: 'serviceId', code: 'invalid_format', message: `does not match the usage product's format ${JSON.stringify(product.serviceIdFormat)}` })
  }
  return errors
}
