/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (CI). Dependencies point one
 * way: routes → use cases → repositories → db; only src/http knows HTTP.
 */
const DOMAIN = [
  '^src/(auth|db|lists|resources|idempotency)/',
  '^src/modules/[^/]+/[^/]+\\.(service|repository|fields|table)\\.ts$',
  '^src/(errors|validation|text|canonical-json)\\.ts$',
]

module.exports = {
  forbidden: [
    {
      name: 'domain-without-http',
      comment: 'Use cases, repositories, field maps and the layers below them never import Fastify or src/http: they throw AppError with data, and http/ turns it into statuses and headers.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: ['^src/http/', '(^|/)node_modules/(fastify|@fastify)/'] },
    },
    {
      name: 'http-without-db',
      comment: 'The contract layer never reaches the database: the app passes it what it needs (an error classifier, an idempotency store).',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-through-index',
      comment: 'A module uses another only through its index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '^src/modules/module\\.ts$'] },
    },
    {
      name: 'repository-by-its-services',
      comment: "A module's repository and table declarations are used by its own use cases (services) only, not by its routes, field maps or index.",
      severity: 'error',
      from: { path: '^src/modules/[^/]+/([^/]+\\.(routes|fields)|index)\\.ts$' },
      to: { path: '\\.(repository|table)\\.ts$' },
    },
    {
      name: 'repository-inside-its-module',
      comment: 'Nothing outside the modules reaches a repository or a table declaration.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/[^/]+\\.(repository|table)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles hide layering mistakes and break module initialisation order.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
