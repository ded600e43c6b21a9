import { createAdminSetup, customerBody, type AdminSetup } from '../helpers/fixtures.ts'
import { created } from '../helpers/requests.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let sequence = 0

/** A test server whose clock the test sets (`setToday`): mandate dates come from it. */
export async function startPaymentServer(): Promise<{ server: TestServer; token: string; setToday(day: string): void }> {
  let now = new Date('2026-03-01T09:00:00Z')
  const server = await startTestServer({}, undefined, { clock: () => now })
  return { server, token: await server.login(), setToday: (day) => void (now = new Date(`${day}T09:00:00Z`)) }
}

/** A contract owner of its own (with its sub-brand and billing cycle), and a site of a new customer of it. */
export async function ownerWithSite(server: TestServer, token: string): Promise<{ setup: AdminSetup; siteId: number }> {
  const setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
  return { setup, siteId: await newSite(server, token, setup) }
}

/** Another site, of a new customer of the same contract owner. */
export async function newSite(server: TestServer, token: string, setup: AdminSetup): Promise<number> {
  return (await created(server, token, '/v1/customers', customerBody(setup))).sites[0].id
}

/** A payment provider serving these contract owners (ACTIVE GO_CARDLESS unless told). */
export async function newProvider(server: TestServer, token: string, contractOwnerIds: number[], overrides: Record<string, unknown> = {}): Promise<number> {
  const body = { type: 'GO_CARDLESS', name: `Provider ${process.pid}-${++sequence}`, status: 'ACTIVE', contractOwnerIds, ...overrides }
  return (await created(server, token, '/v1/payment-providers', body)).id
}

/** The body of a mandate for a site. */
export const mandateBody = (siteId: number, overrides: Record<string, unknown> = {}) => ({ siteId, returnURL: 'https://billing.example/done', ...overrides })
