import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { acceptsJson, isAcceptedContentType } from './negotiation.ts'

describe('content negotiation', () => {
  it('accepts JSON per RFC 9110 §12.5.1', () => {
    for (const accept of [undefined, '', '*/*', 'application/*', 'application/json', 'text/html;q=0.9, application/json;q=0.1', 'Application/JSON']) {
      assert.equal(acceptsJson(accept), true, String(accept))
    }
    for (const accept of ['text/html', 'application/xml', 'application/json;q=0', '*/*;q=0', 'application/json;q=0, */*;q=1', 'text/*']) {
      assert.equal(acceptsJson(accept), false, accept)
    }
  })

  it('takes only the listed media types, in UTF-8', () => {
    const json = ['application/json']
    assert.equal(isAcceptedContentType('application/json', json), true)
    assert.equal(isAcceptedContentType('Application/JSON; charset=UTF-8', json), true)
    assert.equal(isAcceptedContentType('application/json; charset="utf-8"', json), true)
    assert.equal(isAcceptedContentType('application/json; charset=latin1', json), false)
    assert.equal(isAcceptedContentType('text/plain', json), false)
    assert.equal(isAcceptedContentType(undefined, json), false)
    assert.equal(isAcceptedContentType('', json), false)
  })
})
