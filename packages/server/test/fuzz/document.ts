/** The served OpenAPI document, read as a fuzzer reads it: operations with their schemas. */

export type Schema = Record<string, any>

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: Schema
}

export interface Operation {
  method: string
  path: string
  operationId: string
  /** False when the operation declares `security: []`. */
  needsToken: boolean
  parameters: Parameter[]
  /** Media type → schema and example, as documented. */
  requestBody: Record<string, { schema: Schema; example?: unknown }> | undefined
  responses: Record<string, { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }>
}

/** Replaces `#/components/schemas/…` references by their schemas (the document has no cycles). */
export function deref(schema: unknown, components: Record<string, Schema>, depth = 0): any {
  if (depth > 32 || schema === null || typeof schema !== 'object') return schema
  if (Array.isArray(schema)) return schema.map((item) => deref(item, components, depth + 1))
  const node = schema as Schema
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '')
    const { $ref: _ref, ...rest } = node
    return deref({ ...components[name], ...rest }, components, depth + 1)
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, deref(value, components, depth + 1)]))
}

/** Every operation of the document, in document order. */
export function operationsOf(document: any): Operation[] {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      const security = op.security ?? document.security ?? []
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        needsToken: security.length > 0,
        parameters: (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: p.required === true, schema: deref(p.schema, components) })),
        requestBody:
          op.requestBody === undefined
            ? undefined
            : Object.fromEntries(
                Object.entries(op.requestBody.content as Record<string, any>).map(([type, media]) => [
                  type,
                  { schema: deref(media.schema, components), example: media.example },
                ]),
              ),
        responses: deref(op.responses, components),
      })
    }
  }
  return operations
}

/** The list a path parameter's ids come from: `{customerId}` of `/v1/customers/{customerId}` → `/v1/customers`. */
export function idSources(operations: Operation[]): Map<string, string> {
  const sources = new Map<string, string>()
  for (const op of operations) {
    const match = /^(.*)\/\{(\w+)\}$/.exec(op.path)
    if (match !== null && operations.some((o) => o.method === 'GET' && o.path === match[1])) sources.set(match[2]!, match[1]!)
  }
  return sources
}
