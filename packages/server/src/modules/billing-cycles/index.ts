import type { FastifyInstance } from 'fastify'
import type { TenantTransaction } from '../../db/database.ts'
import { registerResourceRoutes } from '../../http/resource-routes.ts'
import type { ModuleContext } from '../module.ts'
import { billingCycles } from './billing-cycle.repository.ts'
import { BillingCycle, BillingCycleBody, ListBillingCyclesQuery } from './billing-cycle.schemas.ts'
import { BillingCycleService } from './billing-cycle.service.ts'

/** Billing cycles (Admin API): list and get; create and update for administrators. */
export async function billingCyclesModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  await registerResourceRoutes(app, {
    path: '/v1/billing-cycles',
    param: 'billingCycleId',
    tag: 'billing-cycles',
    noun: 'billing cycle',
    operations: { list: 'getBillingCycles', get: 'getBillingCycle', create: 'createBillingCycle', update: 'updateBillingCycle' },
    permissions: { read: 'admin:read', write: 'admin:write' },
    schemas: { resource: BillingCycle, create: BillingCycleBody, listQuery: ListBillingCyclesQuery },
    service: new BillingCycleService(db),
  })
}

/** For other modules: a billing cycle's contract owner, or undefined when it does not exist. */
export async function billingCycleOwner(trx: TenantTransaction, id: number): Promise<number | undefined> {
  return (await billingCycles.find(trx, id, [], false))?.contract_owner_id
}
