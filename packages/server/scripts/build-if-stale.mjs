// `prestart`: compiles src/ to dist/ (npm run build) unless dist/ is newer than every source file,
// so `npm start` always runs JavaScript built from the sources at hand, and runs no compiler when
// nothing changed. Plain JavaScript: it must run before anything is built.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const inputs = ['scripts/build.mjs', 'package.json']
  .map((file) => path.join(root, file))
  .concat(readdirSync(path.join(root, 'src'), { recursive: true }).map((file) => path.join(root, 'src', String(file))))

function modified(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return undefined
  }
}

const built = Math.min(...['server.js', 'cli/main.js'].map((file) => modified(path.join(root, 'dist', file)) ?? 0)) || undefined
const newest = Math.max(...inputs.map((file) => modified(file) ?? 0))
if (built === undefined || built < newest) {
  process.stderr.write(built === undefined ? 'Building the server (dist/ is missing)…\n' : 'Rebuilding the server (sources changed)…\n')
  const npm = process.env.npm_execpath
  const result = npm === undefined
    ? spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
