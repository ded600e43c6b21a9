import { Type, type Static, type TObject, type TOptional, type TSchema } from 'typebox'
import type { FilterType } from '../lists/filters.ts'

/**
 * A module's fields, stated once: API name → schema, storage, list behaviour and who may write it.
 * The resource schema, the create body, the patchable document, the list spec and both mappings
 * (row → API object, API object → row) are all derived from this one map (`defineResource`).
 */

/**
 * - `read-write` (default): a client sets it on create and may change it.
 * - `create-only`: set on create, then fixed (a site stays with its customer): PATCH refuses it.
 * - `read-only`: the server's (id, timestamps): never in a body.
 * - `write-only`: taken, never answered (a password); the map never stores it: the module does.
 */
export type Access = 'read-write' | 'create-only' | 'read-only' | 'write-only'

export interface FieldOptions {
  /** The field's own column; without one, it lives in the table's `details` jsonb. */
  column?: string
  /**
   * Makes the field a list filter, with the operators of its type; `enum`: exactly one of the
   * values of the field's schema (`entityLevel=SITE`), as the published enum filters are.
   */
  filter?: FilterType | 'enum'
  /** The filter's query parameter when it is not the field's name (published quirks). */
  param?: string
  /**
   * `like:` matches the table's `<column>_folded`, a stored generated `lower(column)` that a
   * migration adds (`ListField.folded`): for names searched in tables of thousands of rows.
   */
  folded?: boolean
  sortable?: boolean
  access?: Access
  /** May be absent, in bodies and in answers. */
  optional?: boolean
  /** May be absent from a create (the server fills it in); always answered. */
  defaulted?: boolean
  /**
   * The value stored when a write leaves the field out (a create without it, a merge patch that
   * sets it to null): makes the field defaulted. A flag that is off unless asked for: `false`.
   */
  default?: unknown
  /** Column value → API value (a Date → ISO text, numeric text → number). */
  read?: (value: never) => unknown
  /** API value → column value (JSON text for jsonb arrays). */
  write?: (value: never) => unknown
}

export interface Field<S extends TSchema = TSchema, O extends FieldOptions = FieldOptions> {
  schema: S
  options: O
}

export type FieldMap = Record<string, Field>

/** A field of the map. */
export function field<S extends TSchema, const O extends FieldOptions = {}>(schema: S, options?: O): Field<S, O> {
  return { schema, options: (options ?? {}) as O }
}

type OptionsOf<F> = F extends Field<TSchema, infer O> ? O : never
type AccessOf<F> = OptionsOf<F> extends { access: infer A extends Access } ? A : 'read-write'
type Flag<F, K extends 'optional' | 'defaulted'> = OptionsOf<F> extends { [P in K]: true } ? true : K extends 'defaulted' ? (OptionsOf<F> extends { default: unknown } ? true : false) : false
/** Whether a field may be absent: in answers when optional; in writes also when defaulted or write-only. */
type IsOptional<F, Part extends 'answer' | 'create' | 'document'> = Flag<F, 'optional'> extends true
  ? true
  : Part extends 'answer'
    ? false
    : Flag<F, 'defaulted'> extends true
      ? true
      : Part extends 'document'
        ? AccessOf<F> extends 'write-only' ? true : false
        : false
type Property<F extends Field, Part extends 'answer' | 'create' | 'document'> =
  IsOptional<F, Part> extends true ? TOptional<F['schema']> : F['schema']

/** What an answer carries: every field but the write-only ones. */
export type ResourceProperties<M extends FieldMap> = {
  [K in keyof M as AccessOf<M[K]> extends 'write-only' ? never : K]: Property<M[K], 'answer'>
}
/** What a create takes: every field a client writes. */
export type CreateProperties<M extends FieldMap> = {
  [K in keyof M as AccessOf<M[K]> extends 'read-only' ? never : K]: Property<M[K], 'create'>
}
/** What a patched resource is validated as: the create, but write-only fields may stay unset. */
export type DocumentProperties<M extends FieldMap> = {
  [K in keyof M as AccessOf<M[K]> extends 'read-only' ? never : K]: Property<M[K], 'document'>
}

export type ResourceOf<M extends FieldMap> = Static<TObject<ResourceProperties<M>>>
export type CreateOf<M extends FieldMap> = Static<TObject<CreateProperties<M>>>
export type DocumentOf<M extends FieldMap> = Static<TObject<DocumentProperties<M>>>

function accessOf(f: Field): Access {
  return f.options.access ?? 'read-write'
}

function propertiesOf(fields: FieldMap, keep: (f: Field) => boolean, optional: (f: Field) => boolean): Record<string, TSchema> {
  const properties: Record<string, TSchema> = {}
  for (const [name, f] of Object.entries(fields)) {
    if (keep(f)) properties[name] = optional(f) ? Type.Optional(f.schema) : f.schema
  }
  return properties
}

const isOptional = (f: Field) => f.options.optional === true
const mayBeOmitted = (f: Field) => isOptional(f) || f.options.defaulted === true || f.options.default !== undefined

/** The resource as answered. */
export function resourceSchema<M extends FieldMap>(fields: M, options: { description?: string } = {}): TObject<ResourceProperties<M>> {
  const properties = propertiesOf(fields, (f) => accessOf(f) !== 'write-only', isOptional)
  return Type.Object(properties, { additionalProperties: false, ...options }) as TObject<ResourceProperties<M>>
}

/** The body of a create. */
export function createSchema<M extends FieldMap>(fields: M): TObject<CreateProperties<M>> {
  const properties = propertiesOf(fields, (f) => accessOf(f) !== 'read-only', mayBeOmitted)
  return Type.Object(properties, { additionalProperties: false }) as TObject<CreateProperties<M>>
}

/** A patched resource, validated like a create; a write-only field left unset keeps its value. */
export function documentSchema<M extends FieldMap>(fields: M): TObject<DocumentProperties<M>> {
  const properties = propertiesOf(fields, (f) => accessOf(f) !== 'read-only', (f) => mayBeOmitted(f) || accessOf(f) === 'write-only')
  return Type.Object(properties, { additionalProperties: false }) as TObject<DocumentProperties<M>>
}

/** Fields a PATCH may not change: the server's own and those fixed at creation. */
export function fixedFields(fields: FieldMap): string[] {
  return Object.keys(fields).filter((name) => ['read-only', 'create-only'].includes(accessOf(fields[name]!)))
}

/** Fields only the server writes: dropped from a patched document before it is validated. */
export function serverFields(fields: FieldMap): string[] {
  return Object.keys(fields).filter((name) => accessOf(fields[name]!) === 'read-only')
}

/** Fields that are never answered. */
export function writeOnlyFields(fields: FieldMap): string[] {
  return Object.keys(fields).filter((name) => accessOf(fields[name]!) === 'write-only')
}

/** Whether any field lives in the `details` jsonb column. */
export function usesDetails(fields: FieldMap): boolean {
  return Object.values(fields).some((f) => f.options.column === undefined && accessOf(f) !== 'write-only')
}
