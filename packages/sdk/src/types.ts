import type { components, operations } from './generated/openapi.ts'
import type { JsonOf } from './operation-types.ts'

/** The body of every 4xx and 5xx answer of the server (docs/errors.md). */
export type ErrorBody = components['schemas']['ErrorBody']

/** One invalid field of a request, as listed in an error body's `errors`. */
export type FieldError = components['schemas']['FieldError']

/** The stable machine words the server's error bodies carry in `code`. */
export type ErrorCode = ErrorBody['code']

/** What `POST /v1/authenticate` takes. */
export type Credentials = operations['createBearerToken']['requestBody']['content']['application/json']

/** What `POST /v1/authenticate` answers: the bearer token and when it stops working. */
export type LoginResult = JsonOf<operations['createBearerToken'], 200>
