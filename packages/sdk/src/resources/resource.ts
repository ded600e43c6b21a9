import type { HttpMethod, QueryParams, RequestOptions } from '../http.ts'
import { nextPageQuery } from '../pages.ts'
import type { Transport } from '../request.ts'

/** The list conventions every list of the API shares: required paging, optional sort and fields. */
export interface ListQueryBase {
  page: number
  pageSize: number
  sort?: string
  fields?: string
}

/** A list's items: whole items, or, when `fields` may be given, only the fields asked for. */
export type ListItems<Item, Query> = 'fields' extends keyof Query
  ? Query['fields' & keyof Query] extends undefined
    ? Item[]
    : Partial<Item>[]
  : Item[]

/** A list's filters and sort: its query without paging and field selection. */
export type ListFilters<Query> = Omit<Query, 'page' | 'pageSize' | 'fields'>

/** The filters of a HEAD exists-check: the list's filters, without paging, fields or sort. */
export type ExistsFilters<Query> = Omit<Query, 'page' | 'pageSize' | 'fields' | 'sort'>

/**
 * A merge patch (RFC 7396) of `T`: every member optional, nested objects patched member by member,
 * arrays replaced whole, and `null` to remove a member that may be absent.
 */
export type MergePatch<T> = {
  [K in keyof T]?: MergePatchValue<NonNullable<T[K]>> | (undefined extends T[K] ? null : never)
}
type MergePatchValue<V> = V extends readonly unknown[] ? V : V extends object ? MergePatch<V> : V

/** Options of `listAll`: the page size it walks the list with (default 100; at most 1000). */
export interface ListAllOptions extends RequestOptions {
  pageSize?: number
}

/** One operation of a JSON Patch document (RFC 6902). */
export type JsonPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string }

/** Options of `update`: the ETag the change is based on, which also makes the PATCH safe to retry. */
export interface UpdateOptions extends RequestOptions {
  ifMatch?: string
}

/** The page size `listAll` asks for unless told otherwise: few round trips, modest pages. */
export const DEFAULT_LIST_ALL_PAGE_SIZE = 100

/**
 * The methods of one API resource at `path` (`/v1/customers`), from its types alone: a resource
 * file picks the ones its API offers. Retries, headers, tokens and idempotency are the request
 * layer's business, so nothing here but method, path and types.
 * `Created` is what a create answers, when it is more than the item (a customer with its sites).
 * @example const roles = resourceMethods<UserRole, ListUserRolesQuery>(transport, '/v1/user-roles')
 */
export function resourceMethods<Item, Query extends ListQueryBase, CreateBody = never, Patch = never, Created = Item>(
  transport: Transport,
  path: string,
) {
  const itemPath = (id: number | string) => `${path}/${encodeURIComponent(String(id))}`
  return {
    /** One page of the list (a bare array, as the API answers), e.g. `{ page: 1, pageSize: 50 }`. */
    async list<Q extends Query>(query: Q, options?: RequestOptions): Promise<ListItems<Item, Q>> {
      const response = await transport.send<ListItems<Item, Q>>({ ...options, method: 'GET', path, query: query as unknown as QueryParams })
      return response.data
    },

    /** One item by id; a `NotFoundError` when there is none (or it is outside your brand). */
    async get(id: number | string, options?: RequestOptions): Promise<Item> {
      return (await transport.send<Item>({ ...options, method: 'GET', path: itemPath(id) })).data
    },

    /** One item by id with its `ETag`, to pass to `update` as `ifMatch`. */
    async getWithETag(id: number | string, options?: RequestOptions): Promise<{ item: Item; etag: string | undefined }> {
      const response = await transport.send<Item>({ ...options, method: 'GET', path: itemPath(id) })
      return { item: response.data, etag: response.headers.get('etag') ?? undefined }
    },

    /** Every item of every page, one at a time, following the `Link` header's rel="next". */
    listAll(filters?: ListFilters<Query>, options?: ListAllOptions): AsyncIterable<Item> {
      return walkList<Item>(transport, path, (filters ?? {}) as QueryParams, options ?? {})
    },

    /** Creates an item (201); retried safely: one Idempotency-Key per call, reused on every attempt. */
    async create(body: CreateBody, options?: RequestOptions): Promise<Created> {
      return (await transport.send<Created>({ ...options, method: 'POST', path, body, idempotent: true })).data
    },

    /** Changes an item: an object is a merge patch (RFC 7396), an array a JSON Patch (RFC 6902). */
    async update(id: number | string, patch: Patch | JsonPatchOperation[], options?: UpdateOptions): Promise<Item> {
      const { ifMatch, ...rest } = options ?? {}
      const contentType = Array.isArray(patch) ? 'application/json-patch+json' : 'application/merge-patch+json'
      const headers = { ...rest.headers, 'content-type': contentType, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) }
      return (await transport.send<Item>({ ...rest, headers, method: 'PATCH', path: itemPath(id), body: JSON.stringify(patch) })).data
    },

    /** Deletes an item (204); a `NotFoundError` when there is none (a second delete). */
    async delete(id: number | string, options?: RequestOptions): Promise<void> {
      await transport.send<undefined>({ ...options, method: 'DELETE', path: itemPath(id) })
    },

    /** Whether any item matches the filters (HEAD: 200 or 404, no body). */
    async exists(filters: ExistsFilters<Query>, options?: RequestOptions): Promise<boolean> {
      const query = filters as QueryParams
      const response = await transport.send<undefined>({ ...options, method: 'HEAD', path, query, expect: [404] })
      return response.status !== 404
    },
  }
}

/**
 * The methods of a resource whose collection lies under a parent while its items have a path of
 * their own (`/v1/contract-owner-sub-brands/{id}/invoice-group-tag-labels`, items at
 * `/v1/invoice-group-tag-labels/{id}`): the collection's methods take the parent's id first.
 * @example const labels = await client.invoiceGroupTagLabels.list(subBrandId, { page: 1, pageSize: 50 })
 */
export function nestedResourceMethods<Item, Query extends ListQueryBase, CreateBody = never, Patch = never, Created = Item>(
  transport: Transport,
  collectionTemplate: string,
  itemsPath: string,
) {
  const items = resourceMethods<Item, Query, CreateBody, Patch, Created>(transport, itemsPath)
  const under = (parentId: number | string) =>
    resourceMethods<Item, Query, CreateBody, Patch, Created>(transport, collectionTemplate.replace(/\{[^}]+\}/, encodeURIComponent(String(parentId))))
  return {
    /** One page of the parent's list, e.g. `(7, { page: 1, pageSize: 50 })`. */
    list: <Q extends Query>(parentId: number | string, query: Q, options?: RequestOptions) => under(parentId).list(query, options),
    /** Every item of the parent's list, page after page. */
    listAll: (parentId: number | string, filters?: ListFilters<Query>, options?: ListAllOptions) => under(parentId).listAll(filters, options),
    /** Creates an item under the parent (201); retried safely with one Idempotency-Key. */
    create: (parentId: number | string, body: CreateBody, options?: RequestOptions) => under(parentId).create(body, options),
    /** Whether any of the parent's items matches the filters (HEAD: 200 or 404). */
    exists: (parentId: number | string, filters: ExistsFilters<Query>, options?: RequestOptions) => under(parentId).exists(filters, options),
    get: items.get,
    getWithETag: items.getWithETag,
    update: items.update,
    delete: items.delete,
  }
}

/**
 * An action on one item that is not a field change (`POST /v1/app-clients/{id}/rotate-secret`):
 * the path's one parameter, then the body when the action takes one.
 * @example const rotated = await client.appClients.rotateSecret(7)
 */
export function actionMethod<Body, Result>(transport: Transport, method: HttpMethod, pathTemplate: string) {
  return async (id: number | string, ...[body, options]: [Body] extends [never] ? [body?: undefined, options?: RequestOptions] : [body: Body, options?: RequestOptions]): Promise<Result> => {
    const path = pathTemplate.replace(/\{[^}]+\}/, encodeURIComponent(String(id)))
    return (await transport.send<Result>({ ...options, method, path, body, idempotent: method === 'POST' })).data
  }
}

/**
 * An action on one item that takes query parameters and no body (adjustBillRunSchedule's
 * `periods`): `(id, query, options)`. A POST carries an idempotency key, so retries are safe.
 */
export function queryActionMethod<Query extends QueryParams, Result>(transport: Transport, method: HttpMethod, pathTemplate: string) {
  return async (id: number | string, query: Query, options?: RequestOptions): Promise<Result> => {
    const path = pathTemplate.replace(/\{[^}]+\}/, encodeURIComponent(String(id)))
    return (await transport.send<Result>({ ...options, method, path, query, idempotent: method === 'POST' })).data
  }
}

/**
 * An operation on a collection that takes query parameters only (the customer balance's
 * `customer_id`): `(query, options)`. A POST carries an idempotency key, so retries are safe.
 */
export function collectionQueryMethod<Query extends QueryParams, Result>(transport: Transport, method: HttpMethod, path: string) {
  return async (query: Query, options?: RequestOptions): Promise<Result> =>
    (await transport.send<Result>({ ...options, method, path, query, idempotent: method === 'POST' })).data
}

/**
 * Walks a list page by page: follows rel="next" while the server sends links, and without links
 * stops at the first short page. Pages are fetched one at a time, as the caller consumes them.
 */
async function* walkList<Item>(transport: Transport, path: string, filters: QueryParams, options: ListAllOptions): AsyncGenerator<Item> {
  const { pageSize = DEFAULT_LIST_ALL_PAGE_SIZE, ...requestOptions } = options
  let query: QueryParams | URLSearchParams = { ...filters, page: 1, pageSize }
  let page = 1
  for (;;) {
    const response = await transport.send<Item[] | undefined>({ ...requestOptions, method: 'GET', path, query })
    const items = response.data ?? []
    yield* items
    const next = nextPageQuery(response.headers, response.url, path)
    if (next !== undefined) {
      query = next
      page = Number(next.get('page') ?? page + 1)
      continue
    }
    // Links but no rel="next" means the last page; no links at all, a short page does.
    if (response.headers.has('link') || items.length < pageSize || items.length === 0) return
    page += 1
    query = { ...filters, page, pageSize }
  }
}
