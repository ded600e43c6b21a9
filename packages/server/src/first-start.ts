import { sql, type Kysely } from 'kysely'
import { createBrand, createUser } from './auth/accounts.ts'
import { generatePassword } from './auth/passwords.ts'
import type { Config } from './config.ts'
import type { Tables } from './db/tables.ts'
import { seededRoles } from './modules/index.ts'

export interface FirstStart {
  brand: string
  username: string
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | undefined
}

// Any constant works: it only has to be the same for every instance that might start at once.
const FIRST_START_LOCK = 4_242_001

/**
 * On the very first start (no brand exists yet) creates the default brand, its roles and an
 * administrator. Several instances starting together create them once.
 */
export async function runFirstStart(db: Kysely<Tables>, admin: Config['admin']): Promise<FirstStart | undefined> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`.execute(trx)
    const existing = await trx.selectFrom('brands').select('id').limit(1).executeTakeFirst()
    if (existing !== undefined) return undefined
    const password = admin.password ?? generatePassword()
    const brandId = await createBrand(trx, admin.brand, seededRoles())
    await createUser(trx, {
      brandId,
      username: admin.username,
      password,
      roles: ['Administrator'],
      firstName: 'Administrator',
      lastName: admin.brand,
      email: `${admin.username}@example.invalid`,
    })
    await seedReferenceData(trx, brandId)
    return { brand: admin.brand, username: admin.username, generatedPassword: admin.password === undefined ? password : undefined }
  })
}

/**
 * A usable set of admin reference data, so the first customer can be created at once: one contract
 * owner with one sub-brand and one monthly billing cycle. All of it can be changed through the API.
 */
async function seedReferenceData(db: Kysely<Tables>, brandId: number): Promise<void> {
  const owner = await db
    .insertInto('contract_owners')
    .values({
      brand_id: brandId,
      name: 'Default Contract Owner',
      available_from: '2020-01-01',
      available_to: null,
      details: {
        siBccEmailAddress: 'billing@example.invalid',
        taxRegistrationNumber: 'UNSET',
        address: { address1: 'Address line 1', town: 'Town', postcode: 'POSTCODE', country: 'GB' },
      },
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('contract_owner_sub_brands')
    .values({
      brand_id: brandId,
      contract_owner_id: owner.id,
      name: 'Default',
      account_number_format: 'CU000000',
      details: { summaryCustomerAccountNumberLabel: 'Account number', billingPeriodEndDateLabel: 'Billing period end', vatRegistrationNumber: 'UNSET' },
    })
    .execute()
  await db
    .insertInto('billing_cycles')
    .values({
      brand_id: brandId,
      contract_owner_id: owner.id,
      name: 'Monthly',
      details: { startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' },
    })
    .execute()
}
