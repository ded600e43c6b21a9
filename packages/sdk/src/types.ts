import type { components, operations } from './generated/openapi.ts'
import type { MergePatch } from './resources/resource.ts'

/** The JSON body of an operation's response with the given status, from the generated types. */
type JsonOf<Op, Status extends number> = Op extends { responses: Record<Status, { content: { 'application/json': infer Body } }> }
  ? Body
  : never

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

/** A user role, as `GET /v1/user-roles/{userRoleId}` answers it. */
export type UserRole = JsonOf<operations['getUserRole'], 200>

/** The query of `GET /v1/user-roles`: paging (required), sort, fields and the `name` filter. */
export type ListUserRolesQuery = NonNullable<operations['getUserRoles']['parameters']['query']>

/** The body of an operation's request, from the generated types. */
type BodyOf<Op> = Op extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never

/** The query of a list operation: paging (required), sort, fields and the list's filters. */
type QueryOf<Op> = Op extends { parameters: { query: infer Query } } ? NonNullable<Query> : never

/** A contract owner, as `GET /v1/contract-owners/{contractOwnerId}` answers it. */
export type ContractOwner = JsonOf<operations['getContractOwner'], 200>

/** What `POST /v1/contract-owners` takes. */
export type CreateContractOwnerBody = BodyOf<operations['createContractOwner']>

/** The query of `GET /v1/contract-owners`. */
export type ListContractOwnersQuery = QueryOf<operations['getContractOwners']>

/** A merge patch of a contract owner: any of its writable fields. */
export type ContractOwnerPatch = MergePatch<Omit<ContractOwner, 'id' | 'createdDate' | 'updatedDate'>>

/** A sub-brand of a contract owner, as `GET /v1/contract-owner-sub-brands/{contractOwnerSubBrandId}` answers it. */
export type ContractOwnerSubBrand = JsonOf<operations['getContractOwnerSubBrand'], 200>

/** What `POST /v1/contract-owner-sub-brands` takes. */
export type CreateContractOwnerSubBrandBody = BodyOf<operations['createContractOwnerSubBrand']>

/** The query of `GET /v1/contract-owner-sub-brands`. */
export type ListContractOwnerSubBrandsQuery = QueryOf<operations['getContractOwnerSubBrands']>

/** A merge patch of a sub-brand: any of its writable fields (it stays with its contract owner). */
export type ContractOwnerSubBrandPatch = MergePatch<Omit<ContractOwnerSubBrand, 'id' | 'contractOwnerId' | 'createdAt' | 'updatedAt'>>

/** A billing cycle of a contract owner, as `GET /v1/billing-cycles/{billingCycleId}` answers it. */
export type BillingCycle = JsonOf<operations['getBillingCycle'], 200>

/** What `POST /v1/billing-cycles` takes. */
export type CreateBillingCycleBody = BodyOf<operations['createBillingCycle']>

/** The query of `GET /v1/billing-cycles`. */
export type ListBillingCyclesQuery = QueryOf<operations['getBillingCycles']>

/** A merge patch of a billing cycle: any of its writable fields (it stays with its contract owner). */
export type BillingCyclePatch = MergePatch<Omit<BillingCycle, 'id' | 'contractOwnerId' | 'createdDate' | 'updatedDate'>>

/** A customer, as `GET /v1/customers/{customerId}` answers it (its sites are at `/v1/sites`). */
export type Customer = JsonOf<operations['getCustomer'], 200>

/** What `POST /v1/customers` takes: the customer with its first sites (at least one). */
export type CreateCustomerBody = BodyOf<operations['createCustomer']>

/** What `POST /v1/customers` answers: the new customer with its new sites. */
export type CustomerWithSites = JsonOf<operations['createCustomer'], 201>

/** The query of `GET /v1/customers`; without paging, fields and sort, also the filters of `exists`. */
export type ListCustomersQuery = QueryOf<operations['getCustomers']>

/** A merge patch of a customer: any of its writable fields (not its sites: patch those one by one). */
export type CustomerPatch = MergePatch<Omit<Customer, 'id' | 'createdDate' | 'updatedDate'>>

/** A site of a customer, as `GET /v1/sites/{siteId}` answers it. */
export type Site = JsonOf<operations['getSite'], 200>

/** What `POST /v1/sites` takes: a site of an existing customer. */
export type CreateSiteBody = BodyOf<operations['createSite']>

/** The query of `GET /v1/sites`; without paging, fields and sort, also the filters of `exists`. */
export type ListSitesQuery = QueryOf<operations['getSites']>

/** A merge patch of a site: any of its writable fields (it stays with its customer). */
export type SitePatch = MergePatch<Omit<Site, 'id' | 'customerId' | 'createdDate' | 'updatedDate'>>
