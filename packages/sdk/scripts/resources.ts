/**
 * Writes the SDK's resources from the server's OpenAPI document: one property of the client per
 * tag (`client.contractOwnerSubBrands`), one method per operation the server marks with
 * `x-sdk-method`, and the type aliases of each resource. Resource files are therefore never written
 * by hand: a new module's routes are in the SDK once the document is regenerated.
 */

interface Operation {
  operationId: string
  tags?: string[]
  summary?: string
  'x-sdk-method'?: string
  'x-sdk-type'?: string
  'x-sdk-response-type'?: string
  requestBody?: { content: Record<string, unknown> }
  parameters?: Array<{ in: string; name: string }>
  responses?: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>
}

interface Document {
  paths: Record<string, Record<string, Operation>>
}

interface SdkOperation {
  method: string
  httpMethod: string
  path: string
  operation: Operation
}

const STANDARD = ['list', 'get', 'create', 'update', 'exists', 'delete']

const pascal = (text: string) => text.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase())
const camel = (text: string) => pascal(text).replace(/^\w/, (c) => c.toLowerCase())
const quote = (text: string) => `'${text.replace(/'/g, "\\'")}'`

/** The operations with an SDK method, by tag, in document order. */
function byTag(document: Document): Map<string, SdkOperation[]> {
  const tags = new Map<string, SdkOperation[]>()
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [httpMethod, operation] of Object.entries(operations)) {
      const method = operation['x-sdk-method']
      const tag = operation.tags?.[0]
      if (typeof method !== 'string' || tag === undefined) continue
      if (!tags.has(tag)) tags.set(tag, [])
      tags.get(tag)!.push({ method, httpMethod: httpMethod.toUpperCase(), path, operation })
    }
  }
  return tags
}

/** The type aliases of one resource, and the type arguments its methods take. */
function typesOf(tag: string, operations: SdkOperation[]) {
  const find = (method: string) => operations.find((o) => o.method === method)?.operation
  const item = operations.find((o) => o.operation['x-sdk-type'] !== undefined)?.operation['x-sdk-type'] ?? pascal(tag)
  const plural = pascal(tag)
  const lines: string[] = []
  const alias = (name: string, type: string, doc: string) => lines.push(`/** ${doc} */`, `export type ${name} = ${type}`, '')
  const get = find('get')
  const list = find('list')
  if (get !== undefined) alias(item, `JsonOf<operations[${quote(get.operationId)}], 200>`, `${item}, as \`${get.operationId}\` answers it.`)
  else if (list !== undefined) alias(item, `NonNullable<JsonOf<operations[${quote(list.operationId)}], 200>>[number]`, `${item}, as listed.`)
  // A resource changed only through its parent's other paths (a UPI's product reference): its PATCH answers it.
  else if (find('update') !== undefined) alias(item, `JsonOf<operations[${quote(find('update')!.operationId)}], 200>`, `${item}, as \`${find('update')!.operationId}\` answers it.`)
  // A resource that is only created (a balance adjustment): its create answers it.
  else if (find('create') !== undefined) alias(item, `JsonOf<operations[${quote(find('create')!.operationId)}], 201>`, `${item}, as \`${find('create')!.operationId}\` answers it.`)
  if (list !== undefined) alias(`List${plural}Query`, `QueryOf<operations[${quote(list.operationId)}]>`, `The query of \`${list.operationId}\`: paging, sort, fields and filters.`)
  const create = find('create')
  let created = item
  if (create !== undefined) {
    alias(`Create${item}Body`, `BodyOf<operations[${quote(create.operationId)}]>`, `What \`${create.operationId}\` takes.`)
    const responseType = create['x-sdk-response-type']
    if (responseType !== undefined) {
      created = responseType
      alias(created, `JsonOf<operations[${quote(create.operationId)}], 201>`, `What \`${create.operationId}\` answers.`)
    }
  }
  const update = find('update')
  const mergePatch = update?.requestBody?.content['application/merge-patch+json'] !== undefined
  if (update !== undefined && mergePatch) {
    alias(`${item}Patch`, `MergePatchOf<operations[${quote(update.operationId)}]>`, `A merge patch of a ${item} (RFC 7396): the members to change; null removes one.`)
  }
  return {
    lines,
    item,
    query: list === undefined ? 'ListQueryBase' : `List${plural}Query`,
    body: create === undefined ? 'never' : `Create${item}Body`,
    patch: update === undefined || !mergePatch ? 'never' : `${item}Patch`,
    created,
  }
}

/** The methods of one resource: the standard ones from `resourceMethods`, actions by name. */
function methodsOf(tag: string, operations: SdkOperation[], types: ReturnType<typeof typesOf>): string {
  const collection = operations.find((o) => o.method === 'list' || o.method === 'create' || o.method === 'exists')?.path
  const itemPath = operations.find((o) => ['get', 'update', 'delete'].includes(o.method))?.path
  const itemsPath = itemPath?.replace(/\/\{[^}]+\}$/, '')
  // A collection under a parent (…/{parentId}/children) whose items have a path of their own.
  const nested = collection !== undefined && collection.includes('{')
  const base = nested ? collection : (collection ?? itemsPath ?? '').replace(/\{[^}]+\}/g, '')
  const names = new Set<string>()
  for (const { method, operation } of operations) {
    if (!STANDARD.includes(method)) continue
    names.add(method)
    if (method === 'list') names.add('listAll')
    if (method === 'get' && operation.responses?.['200']?.headers?.ETag !== undefined) names.add('getWithETag')
  }
  const standard = [...names]
  // `delete` is a reserved word: it cannot be a binding, only a property.
  const binding = (name: string) => (name === 'delete' ? 'delete: deleteItem' : name)
  const bindings = standard.map(binding).join(', ')
  const generic = `${types.item}, ${types.query}, ${types.body}, ${types.patch}, ${types.created}`
  const all = [...standard, ...operations.filter((o) => !STANDARD.includes(o.method)).map((o) => o.method)]
  const lines = [`    /** \`${base}\`: ${all.join(', ')}. */`, `    ${camel(tag)}: (() => {`]
  if (standard.length > 0 && nested) {
    const args = `transport, ${quote(base)}, ${quote(itemsPath ?? base.replace(/\/\{[^}]+\}/g, ''))}`
    lines.push(`      const { ${bindings} } = nestedResourceMethods<${generic}>(${args})`)
  } else if (standard.length > 0) {
    lines.push(`      const { ${bindings} } = resourceMethods<${generic}>(transport, ${quote(base)})`)
  }
  const actions = operations.filter((o) => !STANDARD.includes(o.method))
  for (const action of actions) {
    const body = action.operation.requestBody === undefined ? 'never' : `BodyOf<operations[${quote(action.operation.operationId)}]>`
    const status = Object.keys(action.operation.responses ?? {}).find((s) => s.startsWith('2')) ?? '204'
    const result = status === '204' ? 'undefined' : `JsonOf<operations[${quote(action.operation.operationId)}], ${status}>`
    lines.push(`      /** ${action.operation.summary ?? action.operation.operationId} */`)
    const takesQuery = (action.operation.parameters ?? []).some((parameter) => parameter.in === 'query')
    if (takesQuery && action.operation.requestBody === undefined) {
      const query = `QueryOf<operations[${quote(action.operation.operationId)}]>`
      // On the collection (no id in the path, e.g. a customer's balance): the query alone.
      const helper = action.path.includes('{') ? 'queryActionMethod' : 'collectionQueryMethod'
      lines.push(`      const ${action.method} = ${helper}<${query}, ${result}>(transport, ${quote(action.httpMethod)}, ${quote(action.path)})`)
    } else {
      lines.push(`      const ${action.method} = actionMethod<${body}, ${result}>(transport, ${quote(action.httpMethod)}, ${quote(action.path)})`)
    }
  }
  lines.push(`      return { ${all.map(binding).join(', ')} }`, '    })(),')
  return lines.join('\n')
}

/** The whole generated module. */
export function generateResources(document: Document, header: string): string {
  const tags = byTag(document)
  const types = [...tags].map(([tag, operations]) => [tag, typesOf(tag, operations)] as const)
  const methods = types.map(([tag, t]) => methodsOf(tag, tags.get(tag)!, t))
  const helpers = ['actionMethod', 'collectionQueryMethod', 'nestedResourceMethods', 'queryActionMethod', 'resourceMethods'].filter((name) => name === 'resourceMethods' || methods.some((m) => m.includes(`${name}<`)))
  const out = [
    header,
    "import type { operations } from './openapi.ts'",
    "import type { Transport } from '../request.ts'",
    `import { ${helpers.join(', ')}, type ListQueryBase } from '../resources/resource.ts'`,
    "import type { BodyOf, JsonOf, MergePatchOf, QueryOf } from '../operation-types.ts'",
    '',
    ...types.flatMap(([, t]) => t.lines),
    '/** Every resource of the API, by the client property that holds it. */',
    'export function createResources(transport: Transport) {',
    '  return {',
    ...methods,
    '  }',
    '}',
    '',
    '/** The resources of `ElevateClient`: `client.customers`, `client.sites`, … */',
    'export type Resources = ReturnType<typeof createResources>',
    '',
  ]
  return out.join('\n')
}
