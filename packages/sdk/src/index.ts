/** @elevate-api/sdk: the TypeScript client of the Elevate API. */
export { ElevateClient, DEFAULT_TIMEOUT_MS } from './client.ts'
export type { ElevateClientOptions, CommonClientOptions, CredentialsClientOptions, ClientCredentialsClientOptions, TokenProviderClientOptions } from './client.ts'
export type { TokenProvider } from './auth.ts'
export {
  ElevateError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  MethodNotAllowedError,
  NotAcceptableError,
  ConflictError,
  PreconditionFailedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  RateLimitError,
  ServerError,
  NetworkError,
  TimeoutError,
} from './errors.ts'
export type { ApiErrorDetails, RequestContext } from './errors.ts'
export type { ApiResponse, FetchLike, HttpMethod, QueryParams, QueryValue, RequestOptions, RequestSpec } from './http.ts'
export { redact } from './logging.ts'
export type { Logger, LogStyle, LogFields } from './logging.ts'
export { DEFAULT_RETRY, RETRYABLE_STATUSES, backoffDelay } from './retry.ts'
export type { RetryOptions } from './retry.ts'
export type { ExistsFilters, ListAllOptions, ListFilters, ListItems, JsonPatchOperation, MergePatch, UpdateOptions } from './resources/resource.ts'
export type { Credentials, ErrorBody, ErrorCode, FieldError, LoginResult } from './types.ts'
// Every resource's types (Customer, CreateCustomerBody, ListCustomersQuery, CustomerPatch, …).
export type * from './generated/resources.ts'
export type { components, operations, paths } from './generated/openapi.ts'
