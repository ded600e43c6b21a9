import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { castsIn, layerViolations } from '../scripts/lint.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixtures = path.join(here, 'fixtures/layers')
const server = path.resolve(here, '..')

describe('the layer rules (npm run lint)', () => {
  it('hold for the server', async () => {
    assert.equal(await layerViolations(server), '')
    assert.deepEqual(await castsIn(server), [])
  })

  it('bite: each rule reports the import written to break it', async () => {
    const report = await layerViolations(fixtures)
    const expected = [
      'domain-without-http: src/resources/uses-http.ts → src/http/errors.ts',
      'http-without-db: src/http/reads-db.ts → src/db/pool.ts',
      'modules-through-index: src/modules/beta/beta.service.ts → src/modules/alpha/alpha.repository.ts',
      'repository-by-its-services: src/modules/alpha/alpha.routes.ts → src/modules/alpha/alpha.repository.ts',
      'repository-inside-its-module: src/http/reads-repository.ts → src/modules/alpha/alpha.repository.ts',
      'no-circular: src/resources/cycle-a.ts',
    ]
    for (const violation of expected) assert.ok(report.includes(violation), `reported: ${violation}\n${report}`)
    assert.match(report, /domain-without-http: src\/resources\/uses-http\.ts → .*node_modules\/fastify\//)
  })

  it('bite: a cast at a route boundary is reported', async () => {
    assert.deepEqual(await castsIn(fixtures), ['src/modules/alpha/alpha.routes.ts:3: app.get(\'/x\', async (request) => request.query as Record<string, unknown>)'])
  })
})
