import { runCommand } from './cli/failures.ts'
import { start } from './cli/start.ts'
import { loadConfig } from './config.ts'

/** `npm start` (dist/server.js): the same as `elevate-api start`. */
runCommand('start', () => start(loadConfig()), { exitOnSuccess: false })
