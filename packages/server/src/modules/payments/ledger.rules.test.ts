import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError } from '../../errors.ts'
import { Decimal } from '../../resources/decimal.ts'
import { applyEvent, owedOn, pay, PAYABLE, refund, settledStatus, type Ledger } from './ledger.rules.ts'

const d = (value: string) => new Decimal(value)
const ledger = (overrides: Partial<Ledger> = {}): Ledger => ({ invoiceId: 7, gross: d('100'), paid: d('0'), refunded: d('0'), writtenOff: d('0'), status: 'UNPAID', ...overrides })
const code = (work: () => unknown) => {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  return 'none'
}

describe('the ledger rules', () => {
  it('owes gross − paid + refunded − written off, exactly', () => {
    assert.equal(owedOn(ledger({ paid: d('30.10'), refunded: d('0.20'), writtenOff: d('0.05') })).toFixed(2), '70.05')
    assert.equal(settledStatus(ledger({ paid: d('100') })), 'PAID')
    assert.equal(settledStatus(ledger({ paid: d('10'), refunded: d('10') })), 'UNPAID')
    assert.equal(settledStatus(ledger({ paid: d('10') })), 'PARTIALLY_PAID')
  })

  it('takes payments up to what is owed, and only from the statuses that take them', () => {
    assert.deepEqual(PAYABLE, ['UNPAID', 'PARTIALLY_PAID', 'REFUNDED', 'PART_REFUNDED'])
    assert.equal(pay(ledger(), d('0.01')).status, 'PARTIALLY_PAID')
    assert.equal(pay(ledger({ paid: d('99.99'), status: 'PARTIALLY_PAID' }), d('0.01')).status, 'PAID')
    assert.equal(code(() => pay(ledger(), d('100.01'))), 'amount_exceeds_owed')
    for (const status of ['PAID', 'DISPUTED', 'WRITTEN_OFF', 'REFUND_PENDING', 'NA'] as const) assert.equal(code(() => pay(ledger({ status }), d('1'))), 'invalid_transition')
  })

  it('refunds no more than is left of a payment, and leaves the invoice waiting for it', () => {
    const paid = ledger({ paid: d('100'), status: 'PAID' })
    assert.deepEqual(refund(paid, 3, d('40'), d('40')), { ...paid, refunded: d('40'), status: 'REFUND_PENDING' })
    assert.equal(code(() => refund(paid, 3, d('40'), d('40.01'))), 'amount_exceeds_refundable')
    assert.equal(code(() => refund(paid, 3, d('0'), d('0.01'))), 'amount_exceeds_refundable')
    assert.equal(code(() => refund(ledger({ status: 'DISPUTED' }), 3, d('40'), d('1'))), 'invalid_transition')
  })

  it('writes off what is owed and undoes it; settles refunds only when the amounts say so', () => {
    const off = applyEvent(ledger({ paid: d('20'), status: 'PARTIALLY_PAID' }), 'WRITTEN_OFF', undefined)
    assert.equal(off.amount.toFixed(2), '80.00')
    assert.equal(owedOn(off.ledger).toFixed(2), '0.00')
    assert.equal(applyEvent(off.ledger, 'UNPAID', undefined).ledger.status, 'PARTIALLY_PAID')
    const pending = ledger({ paid: d('100'), refunded: d('100'), status: 'REFUND_PENDING' })
    assert.equal(applyEvent(pending, 'REFUNDED', undefined).ledger.status, 'REFUNDED')
    assert.equal(code(() => applyEvent(pending, 'PART_REFUNDED', undefined)), 'amount_mismatch')
    assert.equal(code(() => applyEvent(ledger(), 'DISPUTED', d('1'))), 'validation_failed')
    assert.equal(code(() => applyEvent(ledger(), 'PARTIALLY_PAID', d('0'))), 'validation_failed')
    assert.equal(code(() => applyEvent(ledger(), 'REFUND_PENDING', undefined)), 'invalid_transition')
  })
})
