import type {
  CreateBillingCycleBody,
  CreateContractOwnerBody,
  CreateContractOwnerSubBrandBody,
  CreateCustomerBody,
  CreateSiteBody,
} from '../../src/index.ts'

/**
 * Valid request bodies, typed with the SDK's own types (so the real server checks those types
 * too), after packages/server/test/helpers/fixtures.ts. Names are unique per call.
 */
let sequence = 0
export const unique = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`

export const address = () => ({ address1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' })

export const contractOwnerBody = (): CreateContractOwnerBody => ({
  name: unique('Contract Owner'),
  availableFrom: '2024-01-01',
  siBccEmailAddress: 'bcc@example.com',
  taxRegistrationNumber: 'GB123456789',
  address: address(),
})

export const subBrandBody = (contractOwnerId: number): CreateContractOwnerSubBrandBody => ({
  contractOwnerId,
  name: unique('Sub-brand'),
  accountNumberFormat: 'SI0000',
  summaryCustomerAccountNumberLabel: 'Account number',
  billingPeriodEndDateLabel: 'Period end',
  vatRegistrationNumber: 'GB987654321',
})

export const billingCycleBody = (contractOwnerId: number): CreateBillingCycleBody => ({
  contractOwnerId,
  name: unique('Monthly'),
  startDayOfPeriod: 1,
  periodUnit: 'MONTHLY',
  currencyCode: 'GBP',
  completionType: 'CLOSE_ONLY',
})

export type NewSite = CreateCustomerBody['sites'][number]

export const siteBody = (): NewSite => ({
  siteName: unique('Head Office'),
  siteReference: unique('REF'),
  startDate: '2024-02-01',
  siteAddress: address(),
  contacts: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }],
})

export const newSiteOf = (customerId: number): CreateSiteBody => ({ customerId, ...siteBody() })

export interface Setup {
  contractOwnerId: number
  subBrandId: number
  billingCycleId: number
}

export const customerBody = (setup: Setup, overrides: Partial<CreateCustomerBody> = {}): CreateCustomerBody => ({
  contractOwnerId: setup.contractOwnerId,
  contractOwnerSubBrandId: setup.subBrandId,
  billingCycleId: setup.billingCycleId,
  customerType: 'BUSINESS',
  customerName: unique('Acme Trading'),
  startDate: '2024-02-01',
  sites: [siteBody()],
  ...overrides,
})
