import { resourceTable } from '../../resources/table.ts'
import { usageRateCardResource } from './usage-rate-card.fields.ts'
import './usage-rate-card.table.ts'

export const usageRateCards = resourceTable('usage_rate_cards', usageRateCardResource)
