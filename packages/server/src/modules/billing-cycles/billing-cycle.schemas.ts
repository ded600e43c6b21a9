import { Type, type Static } from 'typebox'
import { DateTimeString, Id } from '../../http/schemas.ts'
import { listQuerySchema, type ListSpec } from '../../lists/list-query.ts'
import { CurrencyCode, StringEnum } from '../../resources/schemas.ts'

/** Fields of a billing cycle a client writes (elevate-api.md §4.2, BillingCycle). */
const writable = {
  contractOwnerId: Id,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  startDayOfPeriod: Type.Integer({ minimum: 1, maximum: 28, description: 'Monthly: day 1..28. Weekly and daily: 1 = Monday … 7 = Sunday' }),
  wholePeriod: Type.Optional(Type.Boolean()),
  lengthOfPeriod: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: 'Periods per bill (absent: 1; 3 with MONTHLY is quarterly)' })),
  periodUnit: StringEnum(['DAILY', 'WEEKLY', 'MONTHLY'] as const),
  maxDaysBeforeCloseable: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  maxDaysAfterCloseable: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  maxBackDateableUsageInDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  currencyCode: CurrencyCode,
  defaultInvoiceDate: Type.Optional(StringEnum(['TODAY', 'END_OF_BILL_RUN', 'END_OF_BILL_RUN_PLUS_ONE'] as const)),
  completionType: StringEnum(['DISABLED', 'CLOSE_ONLY', 'CLOSE_AND_FINALISE'] as const),
}

export const BillingCycleBody = Type.Object(writable, { additionalProperties: false })
export type BillingCycleBody = Static<typeof BillingCycleBody>

export const BillingCycle = Type.Object(
  { id: Id, ...writable, createdDate: DateTimeString, updatedDate: DateTimeString },
  { additionalProperties: false },
)
export type BillingCycle = Static<typeof BillingCycle>

/** A billing cycle stays with its contract owner. */
export const READ_ONLY = ['id', 'contractOwnerId', 'createdDate', 'updatedDate'] as const

export const billingCycleList: ListSpec = {
  fields: Object.keys(BillingCycle.properties),
  columns: {
    id: { column: 'id', sortable: true },
    name: { column: 'name', filter: 'string', sortable: true },
    contractOwnerId: { column: 'contract_owner_id', filter: 'id', sortable: true },
  },
  tiebreaker: 'id',
}

export const ListBillingCyclesQuery = listQuerySchema(billingCycleList)
