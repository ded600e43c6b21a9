/** Helpers that read the types of one operation out of the generated OpenAPI types. */

/** The JSON body of an operation's response with the given status. */
export type JsonOf<Op, Status extends number> = Op extends { responses: Record<Status, { content: { 'application/json': infer Body } }> }
  ? Body
  : never

/** The JSON body of an operation's request. */
export type BodyOf<Op> = Op extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never

/** The merge-patch body of an update (RFC 7396). */
export type MergePatchOf<Op> = Op extends { requestBody: { content: { 'application/merge-patch+json': infer Body } } } ? Body : never

/** The query of an operation: for a list, paging (required), sort, fields and its filters. */
export type QueryOf<Op> = Op extends { parameters: { query: infer Query } } ? NonNullable<Query> : never
