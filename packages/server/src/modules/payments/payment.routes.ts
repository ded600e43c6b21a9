import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { idParams } from '../../http/routes/crud-routes.ts'
import { getRoute } from '../../http/routes/item-routes.ts'
import { listRoute } from '../../http/routes/list-routes.ts'
import { describe } from '../../http/routes/operation.ts'
import { createRoute } from '../../http/routes/write-routes.ts'
import { errorResponses } from '../../http/schemas.ts'
import type { Actor } from '../../auth/actor.ts'
import type { ListRequest } from '../../lists/list-query.ts'
import type { Page } from '../../resources/table.ts'
import type { Versioned } from '../../resources/versioned.ts'
import type { ResourceDescription } from '../../resources/resource.ts'
import type { CreateOf, FieldMap } from '../../resources/fields.ts'
import { Id } from '../../resources/schemas.ts'
import { CustomerBalance, CustomerBalanceAdjustment, CustomerBalanceAdjustmentBody, customerPaymentResource, refundResource } from './customer-payment.fields.ts'
import type { customerBalanceUseCases } from './ledger.service.ts'
import { invoicePaymentEventResource, invoicePaymentResource } from './payment.fields.ts'

const read = 'payments:read'
const write = 'payments:write'

type Item = Record<string, unknown>

/** The use cases a collection of the ledger serves: list, get (when it has items of its own) and create (method syntax: each takes its own body type). */
interface LedgerUseCases {
  list(actor: Actor, list: ListRequest): Promise<Page<Partial<Item>>>
  get?(actor: Actor, id: number): Promise<Versioned<Item>>
  create(actor: Actor, body: CreateOf<FieldMap>): Promise<Versioned<Item>>
}

interface LedgerCollection {
  path: string
  tag: string
  sdkType: string
  noun: string
  resource: ResourceDescription<FieldMap>
  operations: { list: string; get?: string; create: string }
  summaries: { list: string; get?: string; create: string }
  createDescription: string
  useCases: LedgerUseCases
}

/** A collection of the ledger: list (and its HEAD exists-check), get one when it has an item path, create. */
export function ledgerCollection(app: FastifyInstance, c: LedgerCollection): void {
  const common = { tag: c.tag, sdkType: c.sdkType }
  listRoute(app, { ...common, path: c.path, permission: read, operationId: c.operations.list, summary: c.summaries.list, list: c.resource.list, item: c.resource.schema, handler: c.useCases.list })
  const { useCases } = c
  if (useCases.get !== undefined && c.operations.get !== undefined) {
    const param = `${c.noun}Id`
    getRoute(app, {
      ...common,
      path: `${c.path}/:${param}`,
      permission: read,
      params: idParams(param),
      operationId: c.operations.get,
      summary: c.summaries.get ?? c.summaries.list,
      response: c.resource.schema,
      etag: false,
      handler: (actor, params) => useCases.get!(actor, (params as Record<string, number>)[param]!),
    })
  }
  createRoute(app, {
    ...common,
    path: c.path,
    permission: write,
    operationId: c.operations.create,
    summary: c.summaries.create,
    description: c.createDescription,
    body: c.resource.createBody,
    response: c.resource.schema,
    handler: (actor, body) => useCases.create(actor, body),
  })
}

/** `GET /v1/customer-balances?customer_id=…` (the published snake_case) and the manual adjustment. */
export function customerBalanceRoutes(app: FastifyInstance, balances: ReturnType<typeof customerBalanceUseCases>): void {
  const operation = {
    path: '/v1/customer-balances',
    tag: 'customer-balances',
    permission: read,
    operationId: 'getCustomerBalance',
    summary: 'Get the outstanding balance for a customer',
    description: 'Negative: the customer owes it; positive: the customer has credit. 404 when the customer is not visible.',
  } as const
  app.get(
    operation.path,
    {
      config: { auth: 'bearer', permission: read },
      schema: {
        ...describe(operation, 'retrieve'),
        querystring: Type.Object({ customer_id: Type.Integer({ ...Id, description: 'Customer identifier' }) }, { additionalProperties: false }),
        response: { 200: CustomerBalance, ...errorResponses([404]) },
      },
    },
    async (request) => balances.get(request.actor, (request.query as { customer_id: number }).customer_id),
  )
  createRoute(app, {
    ...operation,
    permission: write,
    sdkType: 'CustomerBalanceAdjustment',
    itemsPath: '/v1/customer-payments',
    operationId: 'createCustomerBalanceAdjustment',
    summary: "Make a manual adjustment to a customer's outstanding balance",
    description: 'Positive credits the customer, negative debits; recorded as a customer payment (ADJUSTMENT) with who made it.',
    body: CustomerBalanceAdjustmentBody,
    response: CustomerBalanceAdjustment,
    handler: balances.adjust,
  })
}

export { customerPaymentResource, invoicePaymentEventResource, invoicePaymentResource, refundResource }
