import { METHODS } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

/**
 * Every method Node parses (WebDAV's PROPFIND, LOCK, MKCOL, …, PURGE, LINK, QUERY) is known to the
 * router, so a known path answers it with 405 rather than 404. CONNECT is not a request for a path:
 * Node hands it to the 'connect' event, which this server does not take.
 */
const EXTENSION_METHODS = METHODS.filter((method) => method !== 'CONNECT')

/**
 * Remembers which methods each path has, so that a known path with another method answers 405
 * with `Allow` (RFC 9110 §15.5.6) and OPTIONS answers 204 with the same `Allow`, instead of the
 * router's 404.
 */
export class MethodTable {
  private readonly methodsByPath = new Map<string, Set<string>>()

  record(url: string, methods: readonly string[]): void {
    let known = this.methodsByPath.get(url)
    if (known === undefined) this.methodsByPath.set(url, (known = new Set()))
    for (const method of methods) known.add(method.toUpperCase())
  }

  /** Adds the 405 and OPTIONS routes; call once every module's routes are in. */
  addRoutes(app: FastifyInstance): void {
    for (const method of EXTENSION_METHODS) {
      if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true })
    }
    for (const [url, known] of this.methodsByPath) {
      const answersOptions = known.has('OPTIONS')
      if (known.has('GET')) known.add('HEAD')
      known.add('OPTIONS')
      const allowed = [...known].sort()
      const allow = allowed.join(', ')
      // A plugin may add a route without announcing it (the trailing-slash twin of a prefix's
      // root, as /docs/): a method the router already serves there is not a 405.
      const others = app.supportedMethods.filter((method) => !known.has(method) && !app.hasRoute({ method, url }))
      const config = { synthetic: true }
      const schema = { hide: true }
      if (!answersOptions && !app.hasRoute({ method: 'OPTIONS', url })) app.route({
        method: 'OPTIONS',
        url,
        config,
        schema,
        handler: async (_request, reply) => reply.code(204).header('allow', allow).send(),
      })
      if (others.length === 0) continue
      app.route({
        method: others,
        url,
        config,
        schema,
        // Before the body is read: a 405 does not depend on what the body holds.
        onRequest: async (request) => {
          throw new AppError('method_not_allowed', {
            message: `${request.method} is not allowed here: use ${allow}`,
            allowedMethods: allowed,
          })
        },
        handler: async () => undefined,
      })
    }
  }
}
