/** What the catalogue needs of the API: a list read and a create, as a client makes them. */
export interface CatalogueApi {
  /** GET a list; its items. */
  list(path: string): Promise<Array<{ id: number; [field: string]: unknown }>>
  /** POST a record; its id. */
  create(path: string, body: object): Promise<number>
}

export interface DemoCatalogue {
  taxBandId: number
  rentalProductIds: { broadband: number; phoneLine: number }
  usageProductId: number
  rentalRateCardId: number
  usageRateCardId: number
  /** How many records this run created (0 when the catalogue was there already). */
  created: number
}

const FROM = '2024-01-01'

/**
 * The demo catalogue: a standard tax band at 20%, rental product categories with a broadband and a
 * phone-line product, a usage product category with UK calls, a monthly rental rate card pricing
 * both products and a usage rate card pricing UK calls by charge group, all offered to `owners`.
 * Made through the API like any client's (so through the same use cases and rules); each record
 * is looked up by its name first and made only when missing, so running it twice adds nothing.
 */
export async function seedDemoCatalogue(api: CatalogueApi, owners: readonly number[]): Promise<DemoCatalogue> {
  let created = 0
  const findOrCreate = async (path: string, query: string, body: object): Promise<number> => {
    const [found] = await api.list(`${path}?page=1&pageSize=1&${query}`)
    if (found !== undefined) return found.id
    created++
    return api.create(path, body)
  }
  const named = <B extends { name: string }>(path: string, body: B) => findOrCreate(path, `name=${encodeURIComponent(body.name)}`, body)

  // A brand starts with the standard band (T1, 20%); a brand without it gets one.
  const taxBandId = await findOrCreate('/v1/tax-bands', 'code=T1', { code: 'T1', name: 'Standard', defaultBand: true })
  if ((await api.list(`/v1/tax-band-rates?page=1&pageSize=1&taxBandId=${taxBandId}`)).length === 0) {
    created++
    await api.create('/v1/tax-band-rates', { taxBandId, rate: 20, startDate: FROM })
  }
  const supplierId = await named('/v1/suppliers', { name: 'Demo Wholesale Networks' })

  const connectivity = await named('/v2/rental-product-categories', { name: 'Broadband', startDate: FROM, contractOwnerIds: [...owners] })
  const voice = await named('/v2/rental-product-categories', { name: 'Phone lines', startDate: FROM, contractOwnerIds: [...owners] })
  const product = (rentalProductCategoryId: number, name: string, invoicePresentationName: string) =>
    named('/v2/rental-products', { name, invoicePresentationName, rentalProductCategoryId, productType: 'PRODUCT', supplierId, taxBandId, availableFrom: FROM })
  const broadband = await product(connectivity, 'Business Broadband FTTP 500', 'Business broadband (500 Mbps)')
  const phoneLine = await product(voice, 'Business Phone Line', 'Business phone line')

  const callsCategory = await named('/v2/usage-product-categories', { name: 'Calls' })
  const usageProductId = await named('/v2/usage-products', { name: 'UK calls', usageProductCategoryId: callsCategory, direction: 'OUTBOUND', availableFrom: FROM, productReferenceFormat: '0[0-9]{9,10}' })
  const groupCategory = await named('/v1/charge-group-categories', { name: 'UK calls', chargingUnitType: 'DURATION', startDate: FROM })
  const group = (name: string) => named('/v1/charge-groups', { name, chargeGroupCategoryId: groupCategory, startDate: FROM })
  const [national, mobile, freephone] = [await group('UK national'), await group('UK mobile'), await group('UK freephone')]

  const monthly = { rentalRatePriceType: 'RENTAL', rentalRateType: 'ADVANCE', periodsInAdvance: 'STANDARD', rentalRateFrequency: 'MONTHLY', startDate: FROM }
  const rentalRateCardId = await named('/v2/rental-rate-cards', {
    name: 'Business monthly rental',
    contractOwnerIds: [...owners],
    rentalProductCategoryId: connectivity,
    rentalRateCardType: 'SELL',
    availableFrom: FROM,
    rentalRates: [
      { rentalProductId: broadband, price: 45, ...monthly },
      { rentalProductId: broadband, price: 99, rentalRatePriceType: 'ONEOFF', startDate: FROM },
      { rentalProductId: phoneLine, price: 18.5, ...monthly },
    ],
  })
  // Pence per minute, charged by the second after the first minute.
  const perMinute = (chargeGroupId: number, peak: number, offPeak: number) => ({
    chargeGroupId, usageRateType: 'VARIABLE', peakInitialPeriod: 60, peakInitialCharge: peak, peakValue: peak,
    offPeakInitialPeriod: 60, offPeakInitialCharge: offPeak, offPeakValue: offPeak, weekendInitialPeriod: 60, weekendInitialCharge: offPeak, weekendValue: offPeak,
    variableChargeUnitSize: 60, startDate: FROM,
  })
  const usageRateCardId = await named('/v2/usage-rate-cards', {
    name: 'UK calls standard',
    contractOwnerIds: [...owners],
    availableFrom: FROM,
    usageProductId,
    decimalPlaces: 4,
    defaultMinCharge: 1,
    usageRates: [perMinute(national, 2.5, 1), perMinute(mobile, 9.5, 6), { ...perMinute(freephone, 0, 0), peakInitialPeriod: 0, offPeakInitialPeriod: 0, weekendInitialPeriod: 0 }],
  })
  return { taxBandId, rentalProductIds: { broadband, phoneLine }, usageProductId, rentalRateCardId, usageRateCardId, created }
}
