import swagger, { type SwaggerTransform } from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'

type Operations = Record<string, { operationId?: string; responses?: Record<string, { content?: unknown }> }>

/** OpenAPI only: declares request headers (name → schema) that the contract layer reads itself. */
export function documentHeaders(headers: Record<string, object>): SwaggerTransform {
  return ({ schema, url }) => {
    const declared = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> }
    return {
      url,
      schema: { ...schema, headers: { ...declared, type: 'object', properties: { ...declared.properties, ...headers } } } as typeof schema,
    }
  }
}

/** Two document transforms of one route, the route's own first (a PATCH's body, then its headers). */
export function chainTransforms(first: SwaggerTransform | false | undefined, then: SwaggerTransform): SwaggerTransform {
  if (first === undefined || first === false) return then
  return (input) => {
    const out = first(input) as { schema: typeof input.schema; url: string }
    return then({ ...input, schema: out.schema, url: out.url })
  }
}

/** The plugin suffixes the ids of HEAD operations with -head; ours are HEAD-only (checkCustomer). */
function headOperationIds(head: Operations[string]): void {
  if (head.operationId?.endsWith('-head') === true) head.operationId = head.operationId.slice(0, -'-head'.length)
}

/** A response to HEAD has no body (RFC 9110 §9.3.2), its errors included. */
function headResponsesWithoutBody(head: Operations[string]): void {
  for (const response of Object.values(head.responses ?? {})) delete response.content
}

/**
 * OpenAPI 3.1, generated from the same schemas that validate requests and serialise responses.
 * Register before the modules: it collects routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Elevate API (self-hosted)',
        version,
        description: 'An open implementation of the Elevate IQ billing REST API. Errors follow docs/errors.md.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearerAuth: [] }],
    },
    // Shared schemas keep their names (ErrorBody) instead of def-0, def-1, …
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: (documents) => {
      const document = (documents as { openapiObject: { paths?: Record<string, Operations> } }).openapiObject
      for (const operations of Object.values(document.paths ?? {})) {
        if (operations.head === undefined) continue
        headOperationIds(operations.head)
        headResponsesWithoutBody(operations.head)
      }
      return documentPatterns(document)
    },
  })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}

/**
 * List parameters carry their language as `x-pattern`: the list parser judges them, with messages
 * that name the bad part (a schema `pattern` would be checked first, with a vaguer one). The
 * document shows it as the `pattern` it is.
 */
function documentPatterns<T>(document: T): T {
  return JSON.parse(JSON.stringify(document), (key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !('x-pattern' in value)) return value
    const { 'x-pattern': pattern, ...rest } = value as Record<string, unknown>
    return { ...rest, pattern }
  }) as T
}
