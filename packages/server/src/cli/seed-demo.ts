import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { buildApp } from '../app.ts'
import { createUser } from '../auth/accounts.ts'
import { generatePassword } from '../auth/passwords.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import type { Tables } from '../db/tables.ts'
import { createBrandCommand } from './accounts.ts'
import { seedDemoCatalogue, type CatalogueApi } from './demo-catalogue.ts'
import { UsageError } from './failures.ts'

/** Realistic names, combined: enough variety for lists, filters and sorting to show something. */
const OWNERS = ['Northwind Energy', 'Brightline Telecom', 'Harbour Water']
const PREFIXES = ['NW', 'BL', 'HW']
const FIRST = ['Ada', 'Grace', 'Alan', 'Mary', 'Tim', 'Katherine', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Linus', 'Margaret']
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Jackson', 'Berners-Lee', 'Johnson', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Torvalds', 'Hamilton']
const TRADES = ['Bakery', 'Garage', 'Dental Practice', 'Bookshop', 'Brewery', 'Florist', 'Joinery', 'Café', 'Pharmacy', 'Print Works']
const TOWNS: Array<[string, string]> = [['Leeds', 'LS1 4AP'], ['York', 'YO1 7HH'], ['Bristol', 'BS1 5TR'], ['Manchester', 'M1 1AE'], ['Norwich', 'NR2 1NH'], ['Cardiff', 'CF10 1EP']]
const STREETS = ['High Street', 'Station Road', 'Mill Lane', 'Church Street', 'Victoria Road', 'Park Avenue']

export interface DemoSummary {
  brand: string
  password: string
  users: string[]
  contractOwners: number
  billingCycles: number
  customers: number
  sites: number
  /** The records of the demo catalogue (demo-catalogue.ts) this run made. */
  catalogue: number
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!

function address(i: number) {
  const [town, postcode] = pick(TOWNS, i)
  return { address1: `${1 + (i % 180)} ${pick(STREETS, i * 7)}`, town, postcode, country: 'GB' }
}

/**
 * `seed-demo`: a brand's worth of demo data, made through the API itself (in process, no port),
 * so it is exactly what a client could have made: contract owners with sub-brands and billing
 * cycles, `customers` customers with one to three sites, and users in each seeded role plus one
 * restricted to a contract owner, and a small product catalogue with its prices (demo-catalogue.ts).
 * Every module that adds data to show adds it here.
 */
export async function seedDemo(config: Config, db: Database, logger: Logger, options: { brand: string; customers: number; password?: string }): Promise<DemoSummary> {
  const system: Kysely<Tables> = db.system
  const password = options.password ?? generatePassword()
  let brand = await system.selectFrom('brands').select('id').where('name', '=', options.brand).executeTakeFirst()
  if (brand === undefined) {
    await createBrandCommand(system, { brand: options.brand, username: 'admin', password: generatePassword() })
    brand = await system.selectFrom('brands').select('id').where('name', '=', options.brand).executeTakeFirstOrThrow()
  }
  const seeded = await system.selectFrom('users').select('id').where('brand_id', '=', brand.id).where('username', '=', 'demo.admin').executeTakeFirst()
  if (seeded !== undefined) throw new UsageError(`brand '${options.brand}' already has the demo data (its user demo.admin exists)`)
  await createUser(system, { brandId: brand.id, username: 'demo.admin', password, roles: ['Administrator'], firstName: 'Demo', lastName: 'Administrator', email: 'demo.admin@example.com' })

  const app = await buildApp({ ...config, rateLimitMax: 0, maxEventLoopDelayMs: 0, metricsToken: undefined, sandbox: false }, db, logger)
  try {
    const post = async (path: string, body: object, token?: string): Promise<{ id?: number; token?: string }> => {
      const response = await app.inject({ method: 'POST', url: path, payload: body, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
      if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`POST ${path} answered ${response.statusCode}: ${response.body}`)
      return response.json()
    }
    const token = (await post('/v1/authenticate', { brand: options.brand, username: 'demo.admin', password })).token!
    const api = async (path: string, body: object, auth: string): Promise<number> => (await post(path, body, auth)).id!

    const setups: Array<{ contractOwnerId: number; subBrandId: number; cycles: number[] }> = []
    for (const [i, name] of OWNERS.entries()) {
      const contractOwnerId = await api('/v1/contract-owners', { name, availableFrom: '2024-01-01', siBccEmailAddress: `billing@${name.split(' ')[0]!.toLowerCase()}.example`, taxRegistrationNumber: `GB${String(100000000 + i * 7919)}`, address: address(i) }, token)
      const subBrandId = await api('/v1/contract-owner-sub-brands', { contractOwnerId, name: `${name} Business`, accountNumberFormat: `${PREFIXES[i]}00000`, summaryCustomerAccountNumberLabel: 'Account number', billingPeriodEndDateLabel: 'Period end', vatRegistrationNumber: `GB${String(900000000 - i * 104729)}` }, token)
      const cycles = [
        await api('/v1/billing-cycles', { contractOwnerId, name: 'Monthly', startDayOfPeriod: 1, periodUnit: 'MONTHLY', currencyCode: 'GBP', completionType: 'CLOSE_ONLY' }, token),
        await api('/v1/billing-cycles', { contractOwnerId, name: 'Quarterly', startDayOfPeriod: 1, periodUnit: 'MONTHLY', lengthOfPeriod: 3, currencyCode: 'GBP', completionType: 'CLOSE_ONLY' }, token),
      ]
      setups.push({ contractOwnerId, subBrandId, cycles })
    }

    let sites = 0
    const customer = async (i: number) => {
      const setup = pick(setups, i)
      const business = i % 4 !== 0
      const person = `${pick(FIRST, i)} ${pick(LAST, i * 5 + 1)}`
      const siteCount = 1 + (i % 3 === 0 ? 2 : i % 2)
      sites += siteCount
      await api('/v1/customers', {
        contractOwnerId: setup.contractOwnerId,
        contractOwnerSubBrandId: setup.subBrandId,
        billingCycleId: pick(setup.cycles, i),
        customerType: business ? 'BUSINESS' : 'RESIDENTIAL',
        customerName: business ? `${pick(LAST, i)} ${pick(TRADES, i * 3)} ${i + 1}` : `${person} ${i + 1}`,
        startDate: `2024-${String(1 + (i % 12)).padStart(2, '0')}-01`,
        sites: Array.from({ length: siteCount }, (_, s) => ({
          siteName: s === 0 ? 'Main site' : `Site ${s + 1}`,
          siteReference: `D${i + 1}-${s + 1}`,
          startDate: '2024-01-01',
          siteAddress: address(i + s),
          contacts: [{ firstName: pick(FIRST, i + s), lastName: pick(LAST, i), email: `contact${i + 1}.${s + 1}@example.com` }],
        })),
      }, token)
    }
    // One per contract owner at a time: each sub-brand numbers its accounts in turn.
    for (let i = 0; i < options.customers; i += OWNERS.length) {
      await Promise.all(Array.from({ length: Math.min(OWNERS.length, options.customers - i) }, (_, k) => customer(i + k)))
    }

    const catalogueApi: CatalogueApi = {
      list: async (path) => {
        const response = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } })
        if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}: ${response.body}`)
        return response.json()
      },
      create: async (path, body) => (await post(path, body, token)).id!,
    }
    const catalogue = await seedDemoCatalogue(catalogueApi, setups.map((setup) => setup.contractOwnerId))

    const users = ['demo.admin']
    for (const [username, role, contractOwnerId] of [['demo.manager', 'Customer Manager', null], ['demo.reader', 'Read Only', null], ['demo.northwind', 'Customer Manager', setups[0]!.contractOwnerId]] as const) {
      await createUser(system, { brandId: brand.id, username, password, roles: [role], contractOwnerId, firstName: 'Demo', lastName: role, email: `${username}@example.com` })
      users.push(username)
    }
    return { brand: options.brand, password, users, contractOwners: setups.length, billingCycles: setups.length * 2, customers: options.customers, sites, catalogue: catalogue.created }
  } finally {
    await app.close()
  }
}
