import type { Transport } from '../request.ts'
import type { BillingCycle, BillingCyclePatch, CreateBillingCycleBody, ListBillingCyclesQuery } from '../types.ts'
import { resourceMethods } from './resource.ts'

/**
 * Billing cycles of contract owners (`/v1/billing-cycles`).
 * @example await client.billingCycles.update(cycleId, { name: 'Monthly (1st)' })
 */
export function billingCycles(transport: Transport) {
  const { list, listAll, get, getWithETag, create, update } = resourceMethods<
    BillingCycle,
    ListBillingCyclesQuery,
    CreateBillingCycleBody,
    BillingCyclePatch
  >(transport, '/v1/billing-cycles')
  return { list, listAll, get, getWithETag, create, update }
}

/** The `client.billingCycles` methods: `list`, `listAll`, `get`, `getWithETag`, `create`, `update`. */
export type BillingCycles = ReturnType<typeof billingCycles>
