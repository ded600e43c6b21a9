import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { crudRoutes } from '../../http/routes/crud-routes.ts'
import { patchRoute } from '../../http/routes/item-routes.ts'
import type { FieldMap } from '../../resources/fields.ts'
import type { ResourceDescription } from '../../resources/resource.ts'
import { Id, StringEnum } from '../../resources/schemas.ts'
import { inclusiveUsagePlanAssignmentResource, rentalRateCardAssignmentResource, usageRateCardAssignmentResource } from './assignment.fields.ts'
import type { AssignmentUseCases } from './assignment.service.ts'
import type { inclusiveUsagePlanAssignmentUseCases, rentalRateCardAssignmentUseCases, usageRateCardAssignmentUseCases } from './card-assignment.service.ts'
import { ASSIGNMENT_LEVELS, type AssignmentLevel } from './levels.ts'
import { buyRentalRateOverrideResource, rentalRateOverrideResource, usageRateOverrideResource } from './override.fields.ts'
import type { buyRentalRateOverrideUseCases, rentalRateOverrideUseCases, usageRateOverrideUseCases } from './override.service.ts'

/** The item's id among the validated path parameters (the schema makes it an integer). */
function idParam(params: Readonly<Record<string, unknown>>, name: string): number {
  const id = params[name]
  if (typeof id !== 'number') throw new TypeError(`path parameter ${name} is not an integer`)
  return id
}

/** The level among the validated path parameters (the schema makes it one of the levels). */
function levelParam(params: Readonly<Record<string, unknown>>): AssignmentLevel {
  const level = ASSIGNMENT_LEVELS.find((name) => name === params.assignmentLevel)
  if (level === undefined) throw new TypeError('path parameter assignmentLevel is not a level')
  return level
}

const permissions = { read: 'pricing:read', write: 'pricing:write' } as const

interface Tag<M extends FieldMap> {
  /** The tag, and the collection's path under /v1. */
  tag: string
  param: string
  sdkType: string
  /** The operation ids' noun, e.g. RentalRateCardAssignment. */
  name: string
  resource: ResourceDescription<M>
  useCases: AssignmentUseCases<M>
  /** Whether the published PATCH names the level in its path (`/{assignmentLevel}/{id}`). */
  levelInPath: boolean
}

/**
 * One published tag: list, HEAD, create, get and delete by id, and the PATCH as published (JSON
 * Patch only; the assignments' and sell overrides' PATCH names the level before the id).
 */
function assignmentRoutes<M extends FieldMap>(app: FastifyInstance, t: Tag<M>): void {
  const path = `/v1/${t.tag}`
  crudRoutes(app, {
    path,
    param: t.param,
    tag: t.tag,
    sdkType: t.sdkType,
    resource: t.resource,
    permissions,
    operations: { list: `get${t.name}s`, exists: `check${t.name}`, get: `get${t.name}`, create: `create${t.name}`, delete: `delete${t.name}`, ...(t.levelInPath ? {} : { update: `update${t.name}` }) },
    useCases: t.useCases,
    patchFormats: ['json-patch'],
  })
  if (!t.levelInPath) return
  const update = t.useCases.updateAtLevel
  const params = Type.Object({
    assignmentLevel: StringEnum(ASSIGNMENT_LEVELS, { description: 'Assignment level to be updated - CUSTOMER, SITE or INVENTORY' }),
    [t.param]: Id,
  })
  patchRoute(app, {
    tag: t.tag,
    sdkType: t.sdkType,
    permission: permissions.write,
    path: `${path}/:assignmentLevel/:${t.param}`,
    operationId: `update${t.name}`,
    summary: `Update a ${t.resource.noun.toLowerCase()} at its level (JSON Patch)`,
    params,
    formats: ['json-patch'],
    response: t.resource.schema,
    document: t.resource.document,
    handler: (actor, p, patch) => update(actor, levelParam(p), idParam(p, t.param), patch),
  })
}

export interface PricingAssignmentUseCases {
  rentalRateCardAssignments: ReturnType<typeof rentalRateCardAssignmentUseCases>
  usageRateCardAssignments: ReturnType<typeof usageRateCardAssignmentUseCases>
  inclusiveUsagePlanAssignments: ReturnType<typeof inclusiveUsagePlanAssignmentUseCases>
  rentalRateOverrides: ReturnType<typeof rentalRateOverrideUseCases>
  buyRentalRateOverrides: ReturnType<typeof buyRentalRateOverrideUseCases>
  usageRateOverrides: ReturnType<typeof usageRateOverrideUseCases>
}

/** The Pricing Assignment API's tags (/v1), read with pricing:read and written with pricing:write. */
export function pricingAssignmentRoutes(app: FastifyInstance, uc: PricingAssignmentUseCases): void {
  assignmentRoutes(app, {
    tag: 'usage-rate-card-assignments',
    param: 'usageRateCardAssignmentId',
    sdkType: 'UsageRateCardAssignment',
    name: 'UsageRateCardAssignment',
    resource: usageRateCardAssignmentResource,
    useCases: uc.usageRateCardAssignments,
    levelInPath: true,
  })
  assignmentRoutes(app, {
    tag: 'rental-rate-card-assignments',
    param: 'rentalRateCardAssignmentId',
    sdkType: 'RentalRateCardAssignment',
    name: 'RentalRateCardAssignment',
    resource: rentalRateCardAssignmentResource,
    useCases: uc.rentalRateCardAssignments,
    levelInPath: true,
  })
  assignmentRoutes(app, {
    tag: 'inclusive-usage-plan-assignments',
    param: 'inclusiveUsagePlanAssignmentId',
    sdkType: 'InclusiveUsagePlanAssignment',
    name: 'InclusiveUsagePlanAssignment',
    resource: inclusiveUsagePlanAssignmentResource,
    useCases: uc.inclusiveUsagePlanAssignments,
    levelInPath: true,
  })
  assignmentRoutes(app, {
    tag: 'usage-rate-overrides',
    param: 'usageRateOverrideId',
    sdkType: 'UsageRateOverride',
    name: 'UsageRateOverride',
    resource: usageRateOverrideResource,
    useCases: uc.usageRateOverrides,
    levelInPath: true,
  })
  assignmentRoutes(app, {
    tag: 'rental-rate-overrides',
    param: 'rentalRateOverrideId',
    sdkType: 'RentalRateOverride',
    name: 'RentalRateOverride',
    resource: rentalRateOverrideResource,
    useCases: uc.rentalRateOverrides,
    levelInPath: true,
  })
  assignmentRoutes(app, {
    tag: 'buy-rental-rate-overrides',
    param: 'buyRentalRateOverrideId',
    sdkType: 'BuyRentalRateOverride',
    name: 'BuyRentalRateOverride',
    resource: buyRentalRateOverrideResource,
    useCases: uc.buyRentalRateOverrides,
    levelInPath: false,
  })
}
