/** @elevate-api/sdk: the TypeScript client of the Elevate API. */
export { ElevateClient, DEFAULT_TIMEOUT_MS } from './client.ts'
export type { ElevateClientOptions, CommonClientOptions, CredentialsClientOptions, TokenProviderClientOptions } from './client.ts'
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
export type { UserRoles } from './resources/user-roles.ts'
export type { ContractOwners } from './resources/contract-owners.ts'
export type { ContractOwnerSubBrands } from './resources/contract-owner-sub-brands.ts'
export type { BillingCycles } from './resources/billing-cycles.ts'
export type { Customers } from './resources/customers.ts'
export type { Sites } from './resources/sites.ts'
export type { Credentials, ErrorBody, ErrorCode, FieldError, ListUserRolesQuery, LoginResult, UserRole } from './types.ts'
export type {
  BillingCycle,
  BillingCyclePatch,
  ContractOwner,
  ContractOwnerPatch,
  ContractOwnerSubBrand,
  ContractOwnerSubBrandPatch,
  CreateBillingCycleBody,
  CreateContractOwnerBody,
  CreateContractOwnerSubBrandBody,
  CreateCustomerBody,
  CreateSiteBody,
  Customer,
  CustomerPatch,
  CustomerWithSites,
  ListBillingCyclesQuery,
  ListContractOwnerSubBrandsQuery,
  ListContractOwnersQuery,
  ListCustomersQuery,
  ListSitesQuery,
  Site,
  SitePatch,
} from './types.ts'
export type { components, operations, paths } from './generated/openapi.ts'
