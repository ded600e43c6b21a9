import { adminContactsModule } from './admin-contacts/index.ts'
import { appClientsModule } from './app-clients/index.ts'
import { authenticationModule } from './authentication/index.ts'
import { billingCyclesModule } from './billing-cycles/index.ts'
import { billRunsModule } from './bill-runs/index.ts'
import { callClassesModule } from './call-classes/index.ts'
import { chargeGroupsModule } from './charge-groups/index.ts'
import { subBrandsModule } from './contract-owner-sub-brands/index.ts'
import { contractOwnersModule } from './contract-owners/index.ts'
import { currenciesModule } from './currencies/index.ts'
import { customFieldDefinitionsModule } from './custom-field-definitions/index.ts'
import { customersModule } from './customers/index.ts'
import { electronicSummaryTemplatesModule } from './electronic-summary-templates/index.ts'
import { emailTemplatesModule } from './email-templates/index.ts'
import { eventsModule } from './events/index.ts'
import { emailStatusModule } from './email-status/index.ts'
import { invoicesModule } from './invoices/index.ts'
import { ratingModule } from './rating/index.ts'
import { healthModule } from './health/index.ts'
import { invoiceDocumentProfilesModule } from './invoice-document-profiles/index.ts'
import { ignoredUsageModule } from './ignored-usage/index.ts'
import { invoiceGroupTagLabelsModule } from './invoice-group-tag-labels/index.ts'
import { invoiceSummaryTemplatesModule } from './invoice-summary-templates/index.ts'
import { invoiceTemplatesModule } from './invoice-templates/index.ts'
import type { ApiModule } from './module.ts'
import { paymentsModule } from './payments/index.ts'
import { rentalRateCardsModule } from './rental-rate-cards/index.ts'
import { rentalRatesModule } from './rental-rates/index.ts'
import { rentalProductInventoriesModule } from './rental-product-inventories/index.ts'
import { usageProductInventoriesModule } from './usage-product-inventories/index.ts'
import { adhocInventoriesModule } from './adhoc-inventories/index.ts'
import { usageRateCardsModule } from './usage-rate-cards/index.ts'
import { usageRatesModule } from './usage-rates/index.ts'
import { inclusiveUsagePlansModule } from './inclusive-usage-plans/index.ts'
import { suppliersModule } from './suppliers/index.ts'
import { referenceDataSourcesModule } from './reference-data-sources/index.ts'
import { taxBandsModule } from './tax-bands/index.ts'
import { rentalProductCategoriesModule } from './rental-product-categories/index.ts'
import { rentalProductsModule } from './rental-products/index.ts'
import { usageProductCategoriesModule } from './usage-product-categories/index.ts'
import { usageProductsModule } from './usage-products/index.ts'
import { productCustomFieldsModule } from './product-custom-fields/index.ts'
import { userRolesModule } from './user-roles/index.ts'
import { usersModule } from './users/index.ts'
import { pricingAssignmentsModule } from './pricing-assignments/index.ts'
import { paymentProvidersModule } from './payment-providers/index.ts'

/** The API modules, in the order their routes are registered. Add a new module here. */
export const MODULES: readonly ApiModule[] = [
  healthModule,
  authenticationModule,
  userRolesModule,
  usersModule,
  appClientsModule,
  contractOwnersModule,
  subBrandsModule,
  billingCyclesModule,
  customersModule,
  adminContactsModule,
  emailTemplatesModule,
  customFieldDefinitionsModule,
  invoiceGroupTagLabelsModule,
  suppliersModule,
  invoiceTemplatesModule,
  invoiceSummaryTemplatesModule,
  electronicSummaryTemplatesModule,
  invoiceDocumentProfilesModule,
  currenciesModule,
  taxBandsModule,
  rentalProductCategoriesModule,
  rentalProductsModule,
  usageProductCategoriesModule,
  rentalRateCardsModule,
  rentalRatesModule,
  usageRateCardsModule,
  usageRatesModule,
  inclusiveUsagePlansModule,
  chargeGroupsModule,
  referenceDataSourcesModule,
  callClassesModule,
  ignoredUsageModule,
  usageProductsModule,
  productCustomFieldsModule,
  rentalProductInventoriesModule,
  usageProductInventoriesModule,
  adhocInventoriesModule,
  pricingAssignmentsModule,
  billRunsModule,
  eventsModule,
  invoicesModule,
  paymentsModule,
  emailStatusModule,
  paymentProvidersModule,
  ratingModule,
]

/** Every permission some module declares. */
export function declaredPermissions(modules: readonly ApiModule[] = MODULES): string[] {
  return [...new Set(modules.flatMap((module) => module.permissions.map((grant) => grant.permission)))].sort()
}

/** The roles every brand starts with, in this order; modules grant them their permissions. */
export const SEEDED_ROLE_NAMES = ['Administrator', 'Customer Manager', 'Read Only'] as const

/** The roles a new brand starts with, each with the permissions the modules grant it. */
export function seededRoles(modules: readonly ApiModule[] = MODULES): Array<{ name: string; permissions: string[] }> {
  const byRole = new Map<string, Set<string>>(SEEDED_ROLE_NAMES.map((name) => [name, new Set()]))
  for (const { permission, roles } of modules.flatMap((module) => module.permissions)) {
    for (const role of roles) {
      const permissions = byRole.get(role)
      if (permissions === undefined) throw new Error(`permission ${permission} is granted to ${role}, which is not a seeded role`)
      permissions.add(permission)
    }
  }
  return [...byRole].map(([name, permissions]) => ({ name, permissions: [...permissions].sort() }))
}
