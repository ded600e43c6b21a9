import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { canonicalJson } from '../canonical-json.ts'
import { requestFingerprint } from './fingerprint.ts'

describe('request fingerprints', () => {
  it('ignore key order at every depth, but not array order or values', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [2, 1], c: null } }), '{"a":{"c":null,"d":[2,1]},"b":1}')
    const a = requestFingerprint('POST', '/v1/x', { name: 'n', address: { town: 'T', postcode: 'P' } })
    const b = requestFingerprint('POST', '/v1/x', { address: { postcode: 'P', town: 'T' }, name: 'n' })
    assert.deepEqual(a, b)
    assert.notDeepEqual(a, requestFingerprint('POST', '/v1/x', { name: 'm', address: { town: 'T', postcode: 'P' } }))
    assert.notDeepEqual(requestFingerprint('POST', '/v1/x', [1, 2]), requestFingerprint('POST', '/v1/x', [2, 1]))
  })

  it('tell methods and paths apart', () => {
    const body = { name: 'n' }
    assert.notDeepEqual(requestFingerprint('POST', '/v1/x', body), requestFingerprint('POST', '/v1/y', body))
    assert.notDeepEqual(requestFingerprint('POST', '/v1/x', body), requestFingerprint('PUT', '/v1/x', body))
    assert.notDeepEqual(requestFingerprint('POST', '/v1/x', undefined), requestFingerprint('POST', '/v1/x', ''))
  })
})
