import type {} from '@fastify/swagger' // adds `hide` and OpenAPI fields to route schemas
import type { Actor } from '../auth/actor.ts'
import type { Permission } from '../auth/permissions.ts'

/** What the contract layer checks before a route's handler runs, settled once per route at start. */
export interface RouteGuard {
  /** `bearer`: a valid token of an enabled user is required. */
  auth: 'bearer' | 'public'
  permission: Permission | undefined
  /** Media types the body may have; undefined when the route takes no body. */
  consumes: readonly string[] | undefined
  /** Takes an `Idempotency-Key` (http/idempotency.ts). */
  idempotent: boolean
  /** Media types a success answers with (the `Accept` header must admit one: 406); JSON when undefined. */
  produces: readonly string[] | undefined
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public` routes need no token; every other versioned route (/v1, /v2) needs a bearer token. */
    auth?: 'bearer' | 'public'
    permission?: Permission
    /** Body media types; defaults to application/json for routes with a body schema. */
    consumes?: readonly string[]
    /** Takes an `Idempotency-Key`; defaults to true for a POST that needs a bearer token. */
    idempotent?: boolean
    /** Media types a success answers with, when not application/json (an invoice PDF). */
    produces?: readonly string[]
    /** Set by the contract layer from the fields above. */
    guard?: RouteGuard
    /** Routes the contract layer adds itself (405 and OPTIONS answers). */
    synthetic?: boolean
  }
  interface FastifyRequest {
    /** The authenticated user; set on every route with `auth: 'bearer'`. */
    actor: Actor
  }
}
