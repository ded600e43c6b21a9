/**
 * `npm run lint` (CI): the layer rules of docs/architecture.md (.dependency-cruiser.cjs), and no
 * casts that hide an untyped input at a route boundary: a route's TypeBox schema types what reaches
 * the use case, so `as never` and `as Record<string, unknown>` have no place in route code.
 */
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const run = promisify(execFile)

export const FORBIDDEN_CASTS = [/\bas never\b/, /\bas Record<string, unknown>/]

/** Route code: the route helpers and every module's routes. */
export function isRouteCode(file: string): boolean {
  return /(^|\/)src\/http\/routes\/[^/]+\.ts$/.test(file) || /(^|\/)src\/modules\/[^/]+\/[^/]+\.routes\.ts$/.test(file)
}

/** The forbidden casts in the route code under `dir`, as `file:line: text`. */
export async function castsIn(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(path.join(dir, 'src'), { recursive: true })) {
    const file = path.join('src', entry)
    if (!isRouteCode(file) || file.endsWith('.test.ts')) continue
    const lines = (await readFile(path.join(dir, file), 'utf8')).split('\n')
    lines.forEach((line, i) => {
      if (FORBIDDEN_CASTS.some((cast) => cast.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`)
    })
  }
  return found
}

/** Runs the layer rules on `dir/src`; resolves with the report, rejects with it on a violation. */
export async function layerViolations(dir: string): Promise<string> {
  const bin = path.resolve(root, '../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs')
  try {
    await run(process.execPath, [bin, 'src', '--config', path.join(root, '.dependency-cruiser.cjs')], { cwd: dir })
    return ''
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error)
  }
}

async function main(): Promise<number> {
  const layers = await layerViolations(root)
  const casts = await castsIn(root)
  if (layers !== '') process.stderr.write(layers)
  for (const cast of casts) process.stderr.write(`forbidden cast at a route boundary: ${cast}\n`)
  if (layers === '' && casts.length === 0) process.stdout.write('layer rules and route boundaries: ok\n')
  return layers === '' && casts.length === 0 ? 0 : 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code))
}
