import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { substitutionsOf } from './substitutions.ts'

describe('substitutions of an email template', () => {
  it('names each substituted value once, in order of first appearance, across the texts', () => {
    const found = substitutionsOf({ subject: 'Invoice {{invoiceNumber}} for {{ customerName }}', body: 'Dear {{customerName}},\n{{invoice.totalInMajorCurrency}} is due on {{dueDate}}.' })
    assert.deepEqual(found, { names: ['invoiceNumber', 'customerName', 'invoice.totalInMajorCurrency', 'dueDate'], errors: [] })
  })

  it('takes text without substitutions, and single braces as text', () => {
    assert.deepEqual(substitutionsOf({ body: 'Thanks {for} paying }}.' }), { names: [], errors: [] })
  })

  it('reports a substitution that is not closed or not a name, per field', () => {
    const found = substitutionsOf({ subject: 'Hello {{name', body: 'Total {{ 1st }} and {{ok}}' })
    assert.deepEqual(found.names, ['ok'])
    assert.deepEqual(found.errors.map((e) => `${e.field}:${e.code}`), ['subject:invalid_value', 'body:invalid_value'])
    assert.match(found.errors[0]!.message, /'\{\{name'/)
  })
})
