import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { ADMIN, startTestServer, type TestServer } from './helpers/server.ts'

const run = promisify(execFile)

// The curl examples of the module docs must work as written: run them, in order, with bash and curl.
describe('docs/modules examples', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer()
  })
  after(() => server.close())

  it('customers-and-sites.md runs from top to bottom against a fresh server', async () => {
    const doc = await readFile(new URL('../../../docs/modules/customers-and-sites.md', import.meta.url), 'utf8')
    const script = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)]
      .map((match) => match[1])
      .join('\n')
      .replace('API=http://127.0.0.1:8080', `API=${server.url}`)
      .replace('\\"brand\\":\\"default\\"', `\\"brand\\":\\"${ADMIN.brand}\\"`)
    const { stdout } = await run('bash', ['-eo', 'pipefail', '-c', script], { env: { ...process.env, PASSWORD: ADMIN.password } })
    assert.match(stdout, /HTTP\/1.1 201 Created/)
    assert.match(stdout, /"customerName":"Acme Trading Group"/)
    assert.match(stdout, /"siteReference":"ACME-WH"/)
    assert.match(stdout, /\]200$/m, 'the HEAD exists-check (after the list) finds the customer')
    const customers = await server.request('GET', '/v1/customers?page=1&pageSize=10', { token: await server.login() })
    assert.deepEqual(customers.body.map((c: { customerName: string }) => c.customerName), ['Acme Trading Group'])
  })
})
