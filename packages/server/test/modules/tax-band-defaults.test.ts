import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const BANDS = '/v1/tax-bands'

/**
 * `defaultBand` and `usedForEtc` move to the band that takes them (tax-bands.md): concurrent
 * writes that each take one all succeed, the last one holding it, and the brand keeps exactly one.
 */
describe('/v1/tax-bands: concurrent writes taking the default', () => {
  let server: TestServer
  let token: string
  before(async () => {
    server = await startTestServer()
    token = await server.login()
  })
  after(() => server.close())

  const holders = async (flag: string) => (await server.request('GET', `${BANDS}?page=1&pageSize=100&${flag}=true&fields=id`, { token })).body.map(({ id }: { id: number }) => id)

  it('10 concurrent creates of a default band: ten 201s, and one of them is the default', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => server.request('POST', BANDS, { token, json: { code: `C${n}`, name: `Concurrent ${n}`, defaultBand: true, usedForEtc: true } })),
    )
    assert.deepEqual(answers.map((answer) => answer.status), Array(10).fill(201), answers.map((answer) => answer.text).join('\n'))
    const created = answers.map((answer) => answer.body.id as number)
    for (const flag of ['defaultBand', 'usedForEtc']) {
      const now = await holders(flag)
      assert.equal(now.length, 1, `exactly one band has ${flag}`)
      assert.ok(created.includes(now[0]), `${flag} is with one of the new bands`)
    }
  })

  it('10 concurrent updates taking the default: ten 200s, and one of them is the default', async () => {
    const bands = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => (await server.request('POST', BANDS, { token, json: { code: `U${n}`, name: `Updated ${n}`, defaultBand: false } })).body.id as number),
    )
    const answers = await Promise.all(
      bands.map((id) => server.request('PATCH', `${BANDS}/${id}`, { token, body: JSON.stringify([{ op: 'replace', path: '/defaultBand', value: true }]), headers: { 'content-type': 'application/json-patch+json' } })),
    )
    assert.deepEqual(answers.map((answer) => answer.status), Array(10).fill(200), answers.map((answer) => answer.text).join('\n'))
    const now = await holders('defaultBand')
    assert.equal(now.length, 1)
    assert.ok(bands.includes(now[0]))
  })
})
