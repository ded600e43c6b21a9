#!/usr/bin/env node
// The `elevate-api` command (the package's bin; `npm run cli -- <command>` from the repository).
// Runs the compiled CLI, building it first when src/ is newer than dist/ (as `npm start` does).
// Plain JavaScript: it runs before anything is built.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-if-stale.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] })
if (built.status !== 0) process.exit(built.status ?? 1)
await import(pathToFileURL(path.join(root, 'dist/cli/main.js')).href)
