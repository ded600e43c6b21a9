import fastJsonStringify from 'fast-json-stringify'
import { Type, type TObject, type TSchema } from 'typebox'
import { JsonText } from '../resources/json-text.ts'

/** Serialises a list page: `applies` says whether this page needs it rather than the route's own. */
export interface PageSerializer {
  applies(items: readonly unknown[]): boolean
  /** Marks the items' child arrays in place: they are the request's own, built for it by the table. */
  serialize(items: unknown[]): string
}

// A string of one NUL, as JSON: no string from PostgreSQL can hold a NUL, so no value forges it.
const MARKER = '"\\u0000"'

/**
 * The serialiser of a list whose items carry child rows (an array of objects: a card's rates) as
 * `JsonText`, the JSON PostgreSQL wrote: compiled, as the route's own, from the page's schema but
 * with those fields typed as strings; each child array becomes a marker string, and the compiled
 * output gets the texts in place of the markers, in order (it writes the items in order, and each
 * item's fields in the schema's order, which is the order they are marked in). A child array that
 * is not `JsonText` is serialised by its field's own compiled serialiser, so the answer is the same
 * either way. Undefined for an item without such fields: its route serialises as any other.
 */
export function pageSerializer(item: TObject): PageSerializer | undefined {
  const nested = Object.entries(item.properties).filter(([, schema]) => isArrayOfObjects(schema))
  if (nested.length === 0) return undefined
  const fields = nested.map(([name, schema]) => ({ name, serialize: fastJsonStringify(schema) }))
  const marked = Type.Array(Type.Partial(Type.Object({ ...item.properties, ...Object.fromEntries(nested.map(([name]) => [name, Type.String()])) })))
  const serializeMarked = fastJsonStringify(marked)
  return {
    applies: (items) => items.length > 0 && fields.some(({ name }) => (items[0] as Record<string, unknown>)[name] instanceof JsonText),
    serialize(items) {
      const texts: string[] = []
      for (const item of items as Record<string, unknown>[]) {
        for (const { name, serialize } of fields) {
          const value = item[name]
          if (value === undefined) continue
          texts.push(value instanceof JsonText ? value.text : serialize(value))
          item[name] = '\u0000'
        }
      }
      return spliced(serializeMarked(items), texts)
    },
  }
}

/**
 * Whether a page's items are whole JSON texts (a table's `storedJson`): all of them are, or none.
 * Such a page is sent as an array of those texts, `storedPage`.
 */
export const isStoredPage = (items: readonly unknown[]): items is JsonText[] => items.length > 0 && items[0] instanceof JsonText

/** A page of whole JSON texts, as one JSON array. */
export const storedPage = (items: readonly JsonText[]): string => `[${items.map((item) => item.text).join(',')}]`

/** The compiled output with the texts in place of the markers, which it holds in the texts' order. */
function spliced(json: string, texts: readonly string[]): string {
  let out = ''
  let from = 0
  for (const text of texts) {
    const at = json.indexOf(MARKER, from)
    out += json.slice(from, at) + text
    from = at + MARKER.length
  }
  return out + json.slice(from)
}

function isArrayOfObjects(schema: TSchema): boolean {
  const { type, items } = schema as { type?: unknown; items?: { type?: unknown } }
  return type === 'array' && items?.type === 'object'
}
