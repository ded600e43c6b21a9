import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'

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
    // The plugin suffixes the ids of HEAD operations with -head; ours are HEAD-only (checkCustomer).
    transformObject: (documents) => {
      const document = (documents as { openapiObject: { paths?: Record<string, Record<string, { operationId?: string }>> } }).openapiObject
      for (const operations of Object.values(document.paths ?? {})) {
        const head = operations.head
        if (head?.operationId?.endsWith('-head') === true) head.operationId = head.operationId.slice(0, -'-head'.length)
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
