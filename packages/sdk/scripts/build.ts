/**
 * `npm run build`: the package as published — JavaScript (ESM) and declaration files in dist/.
 * tsc rewrites the sources' relative `.ts` imports to `.js` in the JavaScript, but leaves them in
 * the declarations, where a consumer's compiler would refuse them (TS5097): rewrite those too.
 */
import { execFileSync } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

await rm(dist, { recursive: true, force: true })
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
for (const entry of await readdir(dist, { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue
  const file = path.join(dist, entry)
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'))
}
process.stdout.write(`built ${path.relative(process.cwd(), dist)}\n`)
