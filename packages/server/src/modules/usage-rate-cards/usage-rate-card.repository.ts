import { childRowsJson } from '../../resources/children.ts'
import { resourceTable } from '../../resources/table.ts'
import { usageRateRows } from '../usage-rates/index.ts'
import { usageRateCardResource } from './usage-rate-card.fields.ts'
import './usage-rate-card.table.ts'

export const usageRateCards = resourceTable('usage_rate_cards', usageRateCardResource, {
  references: { usage_rate_cards_supplier_fkey: 'supplierId', usage_rate_cards_usage_product_fkey: 'usageProductId' },
  computed: { usage_rates: childRowsJson(usageRateRows) },
})
