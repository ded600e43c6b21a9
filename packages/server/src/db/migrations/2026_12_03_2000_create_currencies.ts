import { sql, type Kysely } from 'kysely'
import { grantToSeededRoles } from './role-grants.ts'
import { enableTenantIsolation } from './tenant-isolation.ts'

// Currencies (Reference Data API, /v1/currencies): each brand's currencies, the ISO 4217 code unique
// within the brand. The ISO 4217 list is kept once, in `iso_4217_currencies` (not a tenant table:
// the same for every brand, read-only to the server): a new brand starts with a copy (the module's
// seed), and every brand that exists now gets one here. Permissions: reference-data:read (every
// seeded role) and reference-data:write (Administrator).

/** ISO 4217 (active currencies, funds and metals left out): code, name, major and minor unit names (≤ 10 characters, as published). */
const ISO_4217: ReadonlyArray<readonly [string, string, string, string]> = [
  ['AED', 'UAE Dirham', 'dirhams', 'fils'],
  ['AFN', 'Afghani', 'afghanis', 'puls'],
  ['ALL', 'Lek', 'lekë', 'qindarka'],
  ['AMD', 'Armenian Dram', 'drams', 'luma'],
  ['ANG', 'Netherlands Antillean Guilder', 'guilders', 'cents'],
  ['AOA', 'Kwanza', 'kwanzas', 'cêntimos'],
  ['ARS', 'Argentine Peso', 'pesos', 'centavos'],
  ['AUD', 'Australian Dollar', 'dollars', 'cents'],
  ['AWG', 'Aruban Florin', 'florins', 'cents'],
  ['AZN', 'Azerbaijan Manat', 'manats', 'qəpik'],
  ['BAM', 'Convertible Mark', 'marks', 'fenings'],
  ['BBD', 'Barbados Dollar', 'dollars', 'cents'],
  ['BDT', 'Taka', 'taka', 'poisha'],
  ['BGN', 'Bulgarian Lev', 'leva', 'stotinki'],
  ['BHD', 'Bahraini Dinar', 'dinars', 'fils'],
  ['BIF', 'Burundi Franc', 'francs', 'centimes'],
  ['BMD', 'Bermudian Dollar', 'dollars', 'cents'],
  ['BND', 'Brunei Dollar', 'dollars', 'sen'],
  ['BOB', 'Boliviano', 'bolivianos', 'centavos'],
  ['BRL', 'Brazilian Real', 'reais', 'centavos'],
  ['BSD', 'Bahamian Dollar', 'dollars', 'cents'],
  ['BTN', 'Ngultrum', 'ngultrum', 'chhertum'],
  ['BWP', 'Pula', 'pula', 'thebe'],
  ['BYN', 'Belarusian Ruble', 'rubles', 'kopecks'],
  ['BZD', 'Belize Dollar', 'dollars', 'cents'],
  ['CAD', 'Canadian Dollar', 'dollars', 'cents'],
  ['CDF', 'Congolese Franc', 'francs', 'centimes'],
  ['CHF', 'Swiss Franc', 'francs', 'centimes'],
  ['CLP', 'Chilean Peso', 'pesos', 'centavos'],
  ['CNY', 'Yuan Renminbi', 'yuan', 'fen'],
  ['COP', 'Colombian Peso', 'pesos', 'centavos'],
  ['CRC', 'Costa Rican Colon', 'colones', 'céntimos'],
  ['CUP', 'Cuban Peso', 'pesos', 'centavos'],
  ['CVE', 'Cabo Verde Escudo', 'escudos', 'centavos'],
  ['CZK', 'Czech Koruna', 'koruny', 'haléřů'],
  ['DJF', 'Djibouti Franc', 'francs', 'centimes'],
  ['DKK', 'Danish Krone', 'kroner', 'øre'],
  ['DOP', 'Dominican Peso', 'pesos', 'centavos'],
  ['DZD', 'Algerian Dinar', 'dinars', 'centimes'],
  ['EGP', 'Egyptian Pound', 'pounds', 'piastres'],
  ['ERN', 'Nakfa', 'nakfa', 'cents'],
  ['ETB', 'Ethiopian Birr', 'birr', 'santim'],
  ['EUR', 'Euro', 'euros', 'cents'],
  ['FJD', 'Fiji Dollar', 'dollars', 'cents'],
  ['FKP', 'Falkland Islands Pound', 'pounds', 'pence'],
  ['GBP', 'Pound Sterling', 'pounds', 'pence'],
  ['GEL', 'Lari', 'lari', 'tetri'],
  ['GHS', 'Ghana Cedi', 'cedis', 'pesewas'],
  ['GIP', 'Gibraltar Pound', 'pounds', 'pence'],
  ['GMD', 'Dalasi', 'dalasis', 'bututs'],
  ['GNF', 'Guinean Franc', 'francs', 'centimes'],
  ['GTQ', 'Quetzal', 'quetzales', 'centavos'],
  ['GYD', 'Guyana Dollar', 'dollars', 'cents'],
  ['HKD', 'Hong Kong Dollar', 'dollars', 'cents'],
  ['HNL', 'Lempira', 'lempiras', 'centavos'],
  ['HTG', 'Gourde', 'gourdes', 'centimes'],
  ['HUF', 'Forint', 'forints', 'fillér'],
  ['IDR', 'Rupiah', 'rupiah', 'sen'],
  ['ILS', 'New Israeli Sheqel', 'shekels', 'agorot'],
  ['INR', 'Indian Rupee', 'rupees', 'paise'],
  ['IQD', 'Iraqi Dinar', 'dinars', 'fils'],
  ['IRR', 'Iranian Rial', 'rials', 'dinars'],
  ['ISK', 'Iceland Krona', 'krónur', 'aurar'],
  ['JMD', 'Jamaican Dollar', 'dollars', 'cents'],
  ['JOD', 'Jordanian Dinar', 'dinars', 'fils'],
  ['JPY', 'Yen', 'yen', 'sen'],
  ['KES', 'Kenyan Shilling', 'shillings', 'cents'],
  ['KGS', 'Som', 'som', 'tyiyn'],
  ['KHR', 'Riel', 'riels', 'sen'],
  ['KMF', 'Comorian Franc', 'francs', 'centimes'],
  ['KPW', 'North Korean Won', 'won', 'chon'],
  ['KRW', 'Won', 'won', 'jeon'],
  ['KWD', 'Kuwaiti Dinar', 'dinars', 'fils'],
  ['KYD', 'Cayman Islands Dollar', 'dollars', 'cents'],
  ['KZT', 'Tenge', 'tenge', 'tiyn'],
  ['LAK', 'Lao Kip', 'kip', 'att'],
  ['LBP', 'Lebanese Pound', 'pounds', 'piastres'],
  ['LKR', 'Sri Lanka Rupee', 'rupees', 'cents'],
  ['LRD', 'Liberian Dollar', 'dollars', 'cents'],
  ['LSL', 'Loti', 'maloti', 'lisente'],
  ['LYD', 'Libyan Dinar', 'dinars', 'dirhams'],
  ['MAD', 'Moroccan Dirham', 'dirhams', 'centimes'],
  ['MDL', 'Moldovan Leu', 'lei', 'bani'],
  ['MGA', 'Malagasy Ariary', 'ariary', 'fifths'],
  ['MKD', 'Denar', 'denars', 'deni'],
  ['MMK', 'Kyat', 'kyats', 'pyas'],
  ['MNT', 'Tugrik', 'tögrög', 'möngö'],
  ['MOP', 'Pataca', 'patacas', 'avos'],
  ['MRU', 'Ouguiya', 'ouguiyas', 'khoums'],
  ['MUR', 'Mauritius Rupee', 'rupees', 'cents'],
  ['MVR', 'Rufiyaa', 'rufiyaa', 'laari'],
  ['MWK', 'Malawi Kwacha', 'kwacha', 'tambala'],
  ['MXN', 'Mexican Peso', 'pesos', 'centavos'],
  ['MYR', 'Malaysian Ringgit', 'ringgit', 'sen'],
  ['MZN', 'Mozambique Metical', 'meticais', 'centavos'],
  ['NAD', 'Namibia Dollar', 'dollars', 'cents'],
  ['NGN', 'Naira', 'naira', 'kobo'],
  ['NIO', 'Cordoba Oro', 'córdobas', 'centavos'],
  ['NOK', 'Norwegian Krone', 'kroner', 'øre'],
  ['NPR', 'Nepalese Rupee', 'rupees', 'paisa'],
  ['NZD', 'New Zealand Dollar', 'dollars', 'cents'],
  ['OMR', 'Rial Omani', 'rials', 'baisa'],
  ['PAB', 'Balboa', 'balboas', 'centésimos'],
  ['PEN', 'Sol', 'soles', 'céntimos'],
  ['PGK', 'Kina', 'kina', 'toea'],
  ['PHP', 'Philippine Peso', 'pesos', 'centavos'],
  ['PKR', 'Pakistan Rupee', 'rupees', 'paisa'],
  ['PLN', 'Zloty', 'złote', 'grosze'],
  ['PYG', 'Guarani', 'guaraníes', 'céntimos'],
  ['QAR', 'Qatari Rial', 'riyals', 'dirhams'],
  ['RON', 'Romanian Leu', 'lei', 'bani'],
  ['RSD', 'Serbian Dinar', 'dinars', 'para'],
  ['RUB', 'Russian Ruble', 'rubles', 'kopecks'],
  ['RWF', 'Rwanda Franc', 'francs', 'centimes'],
  ['SAR', 'Saudi Riyal', 'riyals', 'halalas'],
  ['SBD', 'Solomon Islands Dollar', 'dollars', 'cents'],
  ['SCR', 'Seychelles Rupee', 'rupees', 'cents'],
  ['SDG', 'Sudanese Pound', 'pounds', 'piastres'],
  ['SEK', 'Swedish Krona', 'kronor', 'öre'],
  ['SGD', 'Singapore Dollar', 'dollars', 'cents'],
  ['SHP', 'Saint Helena Pound', 'pounds', 'pence'],
  ['SLE', 'Leone', 'leones', 'cents'],
  ['SOS', 'Somali Shilling', 'shillings', 'cents'],
  ['SRD', 'Surinam Dollar', 'dollars', 'cents'],
  ['SSP', 'South Sudanese Pound', 'pounds', 'piasters'],
  ['STN', 'Dobra', 'dobras', 'cêntimos'],
  ['SVC', 'El Salvador Colon', 'colones', 'centavos'],
  ['SYP', 'Syrian Pound', 'pounds', 'piastres'],
  ['SZL', 'Lilangeni', 'emalangeni', 'cents'],
  ['THB', 'Baht', 'baht', 'satang'],
  ['TJS', 'Somoni', 'somoni', 'diram'],
  ['TMT', 'Turkmenistan New Manat', 'manat', 'tenge'],
  ['TND', 'Tunisian Dinar', 'dinars', 'millimes'],
  ['TOP', "Pa'anga", 'paʻanga', 'seniti'],
  ['TRY', 'Turkish Lira', 'lira', 'kuruş'],
  ['TTD', 'Trinidad and Tobago Dollar', 'dollars', 'cents'],
  ['TWD', 'New Taiwan Dollar', 'dollars', 'cents'],
  ['TZS', 'Tanzanian Shilling', 'shillings', 'cents'],
  ['UAH', 'Hryvnia', 'hryvnias', 'kopiykas'],
  ['UGX', 'Uganda Shilling', 'shillings', 'cents'],
  ['USD', 'US Dollar', 'dollars', 'cents'],
  ['UYU', 'Peso Uruguayo', 'pesos', 'centésimos'],
  ['UZS', 'Uzbekistan Sum', 'som', 'tiyin'],
  ['VES', 'Bolívar Soberano', 'bolívares', 'céntimos'],
  ['VND', 'Dong', 'dong', 'hào'],
  ['VUV', 'Vatu', 'vatu', 'cents'],
  ['WST', 'Tala', 'tala', 'sene'],
  ['XAF', 'CFA Franc BEAC', 'francs', 'centimes'],
  ['XCD', 'East Caribbean Dollar', 'dollars', 'cents'],
  ['XOF', 'CFA Franc BCEAO', 'francs', 'centimes'],
  ['XPF', 'CFP Franc', 'francs', 'centimes'],
  ['YER', 'Yemeni Rial', 'rials', 'fils'],
  ['ZAR', 'Rand', 'rand', 'cents'],
  ['ZMW', 'Zambian Kwacha', 'kwacha', 'ngwee'],
  ['ZWG', 'Zimbabwe Gold', 'ZiG', 'cents'],
]

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table iso_4217_currencies (
      code text primary key,
      name text not null,
      major_currency_name text not null,
      minor_currency_name text not null
    )`.execute(db)
  await db
    .insertInto('iso_4217_currencies')
    .values(ISO_4217.map(([code, name, major, minor]) => ({ code, name, major_currency_name: major, minor_currency_name: minor })))
    .execute()
  await sql`grant select on iso_4217_currencies to elevate_app`.execute(db)

  await sql`
    create table currencies (
      brand_id bigint not null default elevate_current_brand() references brands (id),
      id bigint generated always as identity,
      name text not null,
      code text not null,
      major_currency_name text not null,
      minor_currency_name text not null,
      version integer not null default 1,
      created_date timestamptz not null default now(),
      updated_date timestamptz not null default now(),
      primary key (brand_id, id),
      constraint currencies_code_key unique (brand_id, code)
    )`.execute(db)
  await enableTenantIsolation(db, 'currencies')
  await sql`grant select, insert, update, delete on currencies to elevate_app`.execute(db)

  // Brands that exist already get the list a new brand starts with.
  await sql`
    insert into currencies (brand_id, name, code, major_currency_name, minor_currency_name)
    select b.id, i.name, i.code, i.major_currency_name, i.minor_currency_name
      from brands b cross join iso_4217_currencies i
     order by b.id, i.code`.execute(db)
  await grantToSeededRoles(db, { Administrator: ['reference-data:read', 'reference-data:write'], 'Customer Manager': ['reference-data:read'], 'Read Only': ['reference-data:read'] })
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table currencies`.execute(db)
  await sql`drop table iso_4217_currencies`.execute(db)
}
