/**
 * Catalogue lists at 10,000 rows per brand (issue 12: every list under 20 ms p99): seeds the
 * benchmark brand with 10,000 records in every table of the Products API v2 (rental and usage
 * product categories and products, product custom fields) and the Pricing API v2 (rental and usage
 * rate cards, one rate each, plus one card of each kind holding 10,000 rates; inclusive usage
 * plans) straight in SQL, then loads each list's default page and a filtered and sorted page
 * through the real server over HTTP, against the target.
 *
 *   npm run bench:catalogue     (BENCH_ROWS to change the count, BENCH_SECONDS per query)
 *
 * `DATABASE_URL` points it at that PostgreSQL (a scratch database, dropped after); unset, an
 * embedded one is started. Results go to bench/results/catalogue-lists.json. The run fails when a
 * row answers another status than 200.
 */
import { seedCatalogue, type Catalogue } from './lib/catalogue.ts'
import { runListBench, type ListRow } from './lib/lists.ts'

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000)
const PAGE = 'page=1&pageSize=100'
const SUMMARY = { summary: 'true' }

/** Each list: its default page, then a page with published filters and a sort. */
function table(c: Catalogue, owner: number): ListRow[] {
  return [
    { path: `/v2/rental-product-categories?${PAGE}` },
    { path: `/v2/rental-product-categories?${PAGE}&startDate=gt:2020-01-01&sort=name:desc` },
    { path: `/v2/rental-products?${PAGE}` },
    { path: `/v2/rental-products?${PAGE}&supplierId=${c.supplier + 3}&productType=PRODUCT&sort=name:desc` },
    { path: `/v2/usage-product-categories?${PAGE}` },
    { path: `/v2/usage-product-categories?${PAGE}&name=in:Usage%20category%2000010,Usage%20category%2005000&sort=name:desc` },
    { path: `/v2/usage-products?${PAGE}` },
    { path: `/v2/usage-products?${PAGE}&usageProductCategoryId=${c.usageCategory + 7}&availableTo=gtn:2027-06-01&sort=availableFrom:desc` },
    { path: `/v2/product-custom-fields?${PAGE}` },
    { path: `/v2/product-custom-fields?${PAGE}&entityLevel=RENTAL_PRODUCT&productCategoryId=${c.rentalCategory + 9}&sort=label:desc` },
    { path: `/v2/rental-rate-cards?${PAGE}` },
    { path: `/v2/rental-rate-cards?${PAGE}&contractOwnerId=${owner}&rentalRateCardType=SELL&availableTo=gtn:2028-06-01&sort=name` },
    { title: `/v2/rental-rate-cards?${PAGE} (summary: true)`, path: `/v2/rental-rate-cards?${PAGE}`, headers: SUMMARY },
    { path: `/v2/rental-rates?${PAGE}&rentalRateCardId=${c.rentalCard}` },
    { path: `/v2/rental-rates?${PAGE}&rentalRateCardId=${c.rentalCard}&rentalRatePriceType=RENTAL&startDate=lt:2005-06-01&endDate=gtn:2004-05-31&sort=price:desc` },
    { path: `/v2/usage-rate-cards?${PAGE}` },
    { path: `/v2/usage-rate-cards?${PAGE}&contractOwnerId=${owner}&usageProductId=${c.usageProduct + 5}&sort=availableFrom:desc` },
    { title: `/v2/usage-rate-cards?${PAGE} (summary: true)`, path: `/v2/usage-rate-cards?${PAGE}`, headers: SUMMARY },
    { path: `/v2/usage-rates?${PAGE}&usageRateCardId=${c.usageCard}` },
    { path: `/v2/usage-rates?${PAGE}&usageRateCardId=${c.usageCard}&chargeGroupId=${c.chargeGroup + 11}&usageRateType=MARKUP&sort=startDate:desc` },
    { path: `/v2/inclusive-usage-plans?${PAGE}` },
    { path: `/v2/inclusive-usage-plans?${PAGE}&usageProductId=${c.usageProduct + 5}&availableTo=gtn:2028-03-01&sort=name` },
    // Sorted by validity date alone: the whole brand's rows, in the order of an index (2026_12_07_0600).
    { path: `/v2/rental-products?${PAGE}&sort=availableFrom:desc` },
    { path: `/v2/usage-rate-cards?${PAGE}&sort=availableFrom:desc` },
    { path: `/v2/rental-rates?${PAGE}&rentalRateCardId=${c.rentalCard}&sort=startDate:desc` },
    // Not a list at 10,000 rows but one card answering its 10,000 rates inside it: what `summary` is for.
    { title: `/v2/rental-rate-cards?…&name=Rental card zzz big (one card, ${ROWS} rates)`, path: `/v2/rental-rate-cards?${PAGE}&name=Rental%20card%20zzz%20big` },
    { title: '… the same, summary: true', path: `/v2/rental-rate-cards?${PAGE}&name=Rental%20card%20zzz%20big`, headers: SUMMARY },
  ]
}

await runListBench<Catalogue>({
  name: 'catalogue-lists',
  rows: ROWS,
  customers: 2,
  seed: (client, seeded) => seedCatalogue(client, seeded.brandId, seeded.contractOwnerId, ROWS),
  table: (catalogue, seeded) => table(catalogue, seeded.contractOwnerId),
})
