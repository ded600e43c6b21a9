import type { Scenario } from './load.ts'
import type { Seeded } from './seed.ts'

/** Which ceiling a row is divided by: no database (hello world) or one query (one-query server). */
export type Ceiling = 'hello' | 'one-query'

export interface Row extends Scenario {
  ceiling: Ceiling
  /** What Prism answers to the same request, when it can answer it at all. */
  prism?: number
}

const JSON_TYPE = { 'content-type': 'application/json' }

/** Every scenario of the table, for a server whose administrator holds `token`. */
export function scenarios(seeded: Seeded, token: string, credentials: object): Row[] {
  const auth = { authorization: `Bearer ${token}` }
  let sequence = 0
  const site = () => ({
    siteName: 'Head Office',
    siteReference: 'HQ',
    startDate: '2024-02-01',
    siteAddress: { address1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    contacts: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }],
  })
  const customer = () =>
    JSON.stringify({
      contractOwnerId: seeded.contractOwnerId,
      contractOwnerSubBrandId: seeded.subBrandId,
      billingCycleId: seeded.billingCycleId,
      customerType: 'BUSINESS',
      customerName: `Bench Customer ${++sequence}`,
      startDate: '2024-02-01',
      sites: [site()],
    })
  return [
    { title: '401 without a token', path: `/v1/customers/${seeded.readId}`, expect: 401, prism: 401, ceiling: 'hello' },
    { title: '404 unknown path', path: '/v1/nowhere', expect: 404, prism: 404, ceiling: 'hello' },
    { title: '405 DELETE /v1/customers', method: 'DELETE', path: '/v1/customers', headers: auth, expect: 405, prism: 405, ceiling: 'hello' },
    { title: '406 Accept: text/html (public route)', method: 'POST', path: '/v1/authenticate', headers: { ...JSON_TYPE, accept: 'text/html' }, body: JSON.stringify(credentials), expect: 406, ceiling: 'hello' },
    { title: '415 text/plain body', method: 'POST', path: '/v1/authenticate', headers: { 'content-type': 'text/plain' }, body: 'x', expect: 415, prism: 415, ceiling: 'hello' },
    { title: '400 malformed JSON', method: 'POST', path: '/v1/authenticate', headers: JSON_TYPE, body: '{"brand":', expect: 400, ceiling: 'hello' },
    { title: 'POST /v1/authenticate (argon2id)', method: 'POST', path: '/v1/authenticate', headers: JSON_TYPE, body: JSON.stringify(credentials), expect: 200, prism: 200, ceiling: 'one-query' },
    { title: 'GET /v1/customers/{id}', path: `/v1/customers/${seeded.readId}`, headers: auth, expect: 200, prism: 200, ceiling: 'one-query' },
    { title: 'GET /v1/customers/{id}, 404', path: '/v1/customers/999999999', headers: auth, expect: 404, ceiling: 'one-query' },
    { title: 'list of 100, filter + sort', path: '/v1/customers?page=1&pageSize=100&customerType=BUSINESS&sort=customerName:desc', headers: auth, expect: 200, prism: 200, ceiling: 'one-query' },
    { title: 'list of 1,000, filter + sort', path: '/v1/customers?page=1&pageSize=1000&customerType=in:BUSINESS,RESELLER&sort=customerName', headers: auth, expect: 200, prism: 200, ceiling: 'one-query' },
    { title: 'POST /v1/customers with a site', method: 'POST', path: '/v1/customers', headers: { ...auth, ...JSON_TYPE }, bodies: customer, expect: 201, prism: 201, ceiling: 'one-query' },
    { title: 'POST /v1/customers, invalid body (400)', method: 'POST', path: '/v1/customers', headers: { ...auth, ...JSON_TYPE }, body: '{}', expect: 400, prism: 400, ceiling: 'one-query' },
    {
      title: 'PATCH /v1/customers/{id}, JSON Patch',
      method: 'PATCH',
      path: `/v1/customers/${seeded.patchId}`,
      headers: { ...auth, 'content-type': 'application/json-patch+json' },
      bodies: () => JSON.stringify([{ op: 'replace', path: '/customerName', value: `Patched ${++sequence}` }]),
      expect: 200,
      prism: 200,
      ceiling: 'one-query',
    },
  ]
}
