import { Type } from 'typebox'

/** TypeBox building blocks for the published API's resources (elevate-api.md §1.6). */

/** A server-assigned int64 identifier, as the published API's `IdParam`. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Server-assigned identifier' })

/** A calendar date, `yyyy-MM-dd`. */
export const DateString = Type.String({ format: 'date', examples: ['2019-08-24'] })

/** A UTC timestamp in ISO 8601. */
export const DateTimeString = Type.String({ format: 'date-time', examples: ['2019-08-24T14:15:22Z'] })


/**
 * A string from a closed set; one `enum` keyword, so a wrong value is one clear error. No `default`
 * in any schema: response serialisation would fill it in and break `fields=` projection.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}

/** Text of bounded length, not empty. */
export function Text(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.String({ minLength: 1, maxLength, ...options })
}

/** Optional text of bounded length. */
export function OptionalText(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.Optional(Type.String({ minLength: 1, maxLength, ...options }))
}

// Names: letters, digits, spaces and the punctuation the published patterns allow.
const NAME_PATTERN = "^[\\p{L}\\p{M}\\p{N}\\s%£€$@&#=':;,!_\\-()\\[\\]{}/\\\\+.?*\"~^|<>]+$"

/** A name-like string (site names, references): bounded, printable characters only. */
export function NameText(maxLength: number, options: Record<string, unknown> = {}) {
  return Type.String({ minLength: 1, maxLength, pattern: NAME_PATTERN, ...options })
}

export const Email = Type.String({ minLength: 5, maxLength: 255, format: 'email' })

/** ISO 3166-1 alpha-2, e.g. GB. */
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code', examples: ['GB'] })

/** ISO 4217, e.g. GBP. */
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code', examples: ['GBP'] })

/** A postal address, used by sites, invoices and contract owners. */
export const Address = Type.Object(
  {
    businessName: OptionalText(100),
    address1: Type.String({ minLength: 1, maxLength: 100 }),
    address2: OptionalText(100),
    address3: OptionalText(100),
    town: Type.String({ minLength: 1, maxLength: 100 }),
    county: OptionalText(100),
    postcode: Type.String({ minLength: 1, maxLength: 20 }),
    country: CountryCode,
  },
  { additionalProperties: false },
)
