import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({})
    assert.equal(config.port, 8080)
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.databaseUrl, undefined)
    assert.equal(config.tokenTtlSeconds, 900)
    assert.equal(config.admin.password, undefined)
    assert.match(config.dataDir, /\/data$/)
  })

  it('reports every problem at once', () => {
    assert.throws(
      () => loadConfig({ PORT: '70000', ELEVATE_TOKEN_TTL_SECONDS: 'soon', ELEVATE_JWT_SECRET: 'short', ELEVATE_ADMIN_PASSWORD: 'short' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.equal(error.problems.length, 4)
        return true
      },
    )
  })
})
