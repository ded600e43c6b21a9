import type { TObject } from 'typebox'

/** OpenAPI shapes of the two PATCH formats for one resource, with examples that the server takes. */

type JsonSchema = Record<string, unknown>

const POINTER = '^(/([^~/]|~[01])*)*$'

/** RFC 6902: an array of operations on the resource's members. */
export function jsonPatchDocument(document: TObject): JsonSchema {
  const field = firstField(document)
  return {
    type: 'array',
    description: 'JSON Patch (RFC 6902): operations applied in order, all or nothing; the result is validated like a create',
    items: {
      type: 'object',
      required: ['op', 'path'],
      properties: {
        op: { type: 'string', enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] },
        path: { type: 'string', pattern: POINTER, description: 'JSON Pointer (RFC 6901) to a member of the resource' },
        value: { description: 'For add, replace and test' },
        from: { type: 'string', pattern: POINTER, description: 'For move and copy' },
      },
    },
    examples: field === undefined ? [[]] : [[{ op: 'test', path: `/${field.name}`, value: field.example }, { op: 'replace', path: `/${field.name}`, value: field.example }]],
  }
}

/**
 * RFC 7396: an object of the members to change; `null` removes a member. Nested objects are
 * patched member by member, arrays replaced whole. The patched resource is then validated like a
 * create, so removing a required member is refused there (400), as is changing a fixed one.
 */
export function mergePatchDocument(document: TObject): JsonSchema {
  const schema = mergePatchOf(plain(document))
  const field = firstField(document)
  return { ...schema, description: 'Merge patch (RFC 7396): the members to change; null removes one', examples: [field === undefined ? {} : { [field.name]: field.example }] }
}

function mergePatchOf(schema: JsonSchema): JsonSchema {
  if (schema.type !== 'object' || typeof schema.properties !== 'object' || schema.properties === null) return schema
  const properties: Record<string, JsonSchema> = {}
  for (const [name, property] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    properties[name] = { anyOf: [mergePatchOf(property), { type: 'null' }] }
  }
  const { required: _required, ...rest } = schema
  return { ...rest, properties }
}

/** The schema as plain JSON (TypeBox marks its objects with symbols the document must not carry). */
function plain(schema: TObject): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema
}

/** A writable string member and a valid value for it, for the examples. */
function firstField(document: TObject): { name: string; example: unknown } | undefined {
  for (const [name, property] of Object.entries(plain(document).properties as Record<string, JsonSchema>)) {
    const examples = property.examples as unknown[] | undefined
    if (examples !== undefined && examples.length > 0) return { name, example: examples[0] }
    if (property.type === 'string' && property.format === undefined && property.pattern === undefined && property.enum === undefined) {
      return { name, example: 'New value' }
    }
  }
  return undefined
}
