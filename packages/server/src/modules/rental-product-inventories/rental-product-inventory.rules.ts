import type { FieldError } from '../../errors.ts'
import { dateOrderErrors } from '../../resources/dates.ts'
import { matchesFormat } from '../../resources/regex.ts'
import type { RentalProductTerms } from '../rental-products/index.ts'
import type { SiteTerms } from '../customers/index.ts'
import type { ParentTerms } from './rental-product-inventory.repository.ts'

/** The fields of an RPI the rules read. */
export interface InventoryDates {
  startDate: string
  endDate?: string
  pendingEndDate?: string
  forceBilling?: boolean
  forceBillPeriods?: number
  productReference?: string
  additionalProductReference?: string
  parentRentalProductInventoryId?: number
}

const invalid = (field: string, message: string): FieldError => ({ field, code: 'invalid_value', message })
const within = (date: string, from: string, to: string | null) => from <= date && (to === null || date <= to)
const span = (from: string, to: string | null) => (to === null ? `from ${from}` : `from ${from} to ${to}`)

/** The RPI's own rules, before anything is read: dates in order, forced billing with periods to force. */
export function ownRuleErrors(rpi: InventoryDates): FieldError[] {
  const errors = dateOrderErrors(rpi.startDate, rpi.endDate, 'endDate', 'startDate')
  errors.push(...dateOrderErrors(rpi.startDate, rpi.pendingEndDate, 'pendingEndDate', 'startDate'))
  if (rpi.forceBilling === true && rpi.forceBillPeriods === 0) errors.push(invalid('forceBilling', 'needs forceBillPeriods of at least 1'))
  return errors
}

/** The references the product asks for: required ones present, each matching the product's format. */
export function referenceRuleErrors(rpi: InventoryDates, product: RentalProductTerms, prefix = ''): FieldError[] {
  const errors: FieldError[] = []
  const check = (field: 'productReference' | 'additionalProductReference', required: boolean, format: string | null) => {
    const value = rpi[field]
    if (value === undefined) {
      if (required) errors.push({ field: `${prefix}${field}`, code: 'required', message: 'is required by the rental product' })
    } else if (format !== null && !matchesFormat(format, value)) {
      errors.push({ field: `${prefix}${field}`, code: 'invalid_format', message: `does not match the rental product's format ${JSON.stringify(format)}` })
    }
  }
  check('productReference', product.productReferenceRequired, product.productReferenceFormat)
  check('additionalProductReference', product.additionalProductReferenceRequired, product.additionalProductReferenceFormat)
  return errors
}

/**
 * The rules that need what the RPI points at: the site live and the product available on the
 * start date, the product's reference rules, and the place under a parent RPI (a FEATURE needs
 * one, on the same site, of the product's parent product, itself top-level, live on the start date).
 */
export function termErrors(
  rpi: InventoryDates & { siteId: number; rentalProductId: number },
  site: SiteTerms,
  product: RentalProductTerms,
  parent: ParentTerms | undefined,
): FieldError[] {
  const errors: FieldError[] = []
  if (!within(rpi.startDate, site.startDate, site.endDate)) {
    errors.push(invalid('siteId', `site ${rpi.siteId} is live ${span(site.startDate, site.endDate)}, not on the startDate ${rpi.startDate}`))
  }
  if (!within(rpi.startDate, product.availableFrom, product.availableTo)) {
    errors.push(invalid('rentalProductId', `rental product ${rpi.rentalProductId} is available ${span(product.availableFrom, product.availableTo)}, not on the startDate ${rpi.startDate}`))
  }
  errors.push(...referenceRuleErrors(rpi, product))
  const parentId = rpi.parentRentalProductInventoryId
  if (parentId === undefined) {
    if (product.productType === 'FEATURE') errors.push({ field: 'parentRentalProductInventoryId', code: 'required', message: 'is required for a FEATURE: the RPI it is a feature of' })
    return errors
  }
  if (parent === undefined) return errors
  const field = 'parentRentalProductInventoryId'
  if (parent.siteId !== rpi.siteId) errors.push(invalid(field, `rental product inventory ${parentId} is on site ${parent.siteId}, not on site ${rpi.siteId}`))
  if (parent.parentRentalProductInventoryId !== null) errors.push(invalid(field, `rental product inventory ${parentId} is itself under ${parent.parentRentalProductInventoryId}: inventory nests one level deep`))
  if (product.parentRentalProductId !== null && parent.rentalProductId !== product.parentRentalProductId) {
    errors.push(invalid(field, `rental product inventory ${parentId} is of rental product ${parent.rentalProductId}, not of ${product.parentRentalProductId}, the parent of rental product ${rpi.rentalProductId}`))
  }
  if (!within(rpi.startDate, parent.startDate, parent.endDate)) {
    errors.push(invalid(field, `rental product inventory ${parentId} runs ${span(parent.startDate, parent.endDate)}, not on the startDate ${rpi.startDate}`))
  }
  return errors
}
