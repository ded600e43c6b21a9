/** Valid request bodies, to be varied per test. Names are unique per call so tests never collide. */
let sequence = 0
const unique = (prefix: string) => `${prefix} ${process.pid}-${++sequence}`

export const address = () => ({ address1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' })

export const contractOwnerBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Contract Owner'),
  availableFrom: '2024-01-01',
  siBccEmailAddress: 'bcc@example.com',
  taxRegistrationNumber: 'GB123456789',
  address: address(),
  ...overrides,
})

export const subBrandBody = (contractOwnerId: number, overrides: Record<string, unknown> = {}) => ({
  contractOwnerId,
  name: unique('Sub-brand'),
  accountNumberFormat: 'SI0000',
  summaryCustomerAccountNumberLabel: 'Account number',
  billingPeriodEndDateLabel: 'Period end',
  vatRegistrationNumber: 'GB987654321',
  ...overrides,
})

export const billingCycleBody = (contractOwnerId: number, overrides: Record<string, unknown> = {}) => ({
  contractOwnerId,
  name: unique('Monthly'),
  startDayOfPeriod: 1,
  periodUnit: 'MONTHLY',
  currencyCode: 'GBP',
  completionType: 'CLOSE_ONLY',
  ...overrides,
})

export const contact = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  ...overrides,
})

export const siteBody = (overrides: Record<string, unknown> = {}) => ({
  siteName: unique('Head Office'),
  siteReference: unique('REF'),
  startDate: '2024-02-01',
  siteAddress: address(),
  contacts: [contact()],
  ...overrides,
})

export interface AdminSetup {
  contractOwnerId: number
  subBrandId: number
  billingCycleId: number
}

export const customerBody = (setup: AdminSetup, overrides: Record<string, unknown> = {}) => ({
  contractOwnerId: setup.contractOwnerId,
  contractOwnerSubBrandId: setup.subBrandId,
  billingCycleId: setup.billingCycleId,
  customerType: 'BUSINESS',
  customerName: unique('Acme Trading'),
  startDate: '2024-02-01',
  sites: [siteBody()],
  ...overrides,
})

/** Creates a contract owner with a sub-brand and a billing cycle through the API. */
export async function createAdminSetup(
  request: (method: string, path: string, options: { token: string; json: unknown }) => Promise<{ status: number; body: any; text: string }>,
  token: string,
  subBrand: Record<string, unknown> = {},
): Promise<AdminSetup> {
  const post = async (path: string, json: unknown) => {
    const response = await request('POST', path, { token, json })
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${response.text}`)
    return response.body.id as number
  }
  const contractOwnerId = await post('/v1/contract-owners', contractOwnerBody())
  const subBrandId = await post('/v1/contract-owner-sub-brands', subBrandBody(contractOwnerId, subBrand))
  const billingCycleId = await post('/v1/billing-cycles', billingCycleBody(contractOwnerId))
  return { contractOwnerId, subBrandId, billingCycleId }
}
