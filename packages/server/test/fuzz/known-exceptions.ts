import type { Failure } from './checks.ts'

/**
 * Disagreements between the document and the server that are known, each with its owner and why.
 * The fuzzer counts them apart and says when one no longer occurs. Keep this list short: each entry
 * is a defect of the document, waiting for its fix; empty it as the fixes land.
 */
export interface KnownException {
  id: string
  reason: string
  matches(failure: Failure): boolean
}

/** A query parameter the document declares as a bare string, with no length, pattern or format. */
function isBareString(failure: Failure, name: string): boolean {
  const parameter = failure.operation.parameters.find((p) => p.in === 'query' && p.name === name)
  const schema = parameter?.schema ?? {}
  return schema.type === 'string' && Object.keys(schema).every((key) => ['type', 'description', 'examples'].includes(key))
}

export const KNOWN_EXCEPTIONS: KnownException[] = [
  {
    id: 'list-parameters-unconstrained',
    reason:
      'Lists toolkit (the lead): list filters, sort and fields are documented as bare strings, while the server refuses empty or ' +
      'malformed values with 400 invalid_query. The toolkit rewrite documents their minLength and format.',
    matches: (failure) =>
      failure.check === 'valid request refused' &&
      failure.response.body?.code === 'invalid_query' &&
      (failure.response.body.errors ?? []).every((e: { field: string }) => isBareString(failure, e.field)),
  },
  {
    id: 'patch-body-schema-and-example',
    reason:
      'Resources toolkit (the lead): every PATCH shares one body schema and example, a JSON Patch replacing /name, for both ' +
      'media types: as a merge patch it is an array the server rightly refuses, and resources without `name` (customers, sites) ' +
      'refuse the path. The toolkit rewrite documents each media type and resource apart.',
    matches: (failure) => failure.check === 'documented example refused' && failure.request.method === 'PATCH',
  },
]
