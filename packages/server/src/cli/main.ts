import { parseArgs, type ParseArgsConfig } from 'node:util'
import { listSigningKeys, retireSigningKey, rotateSigningKey } from '../auth/signing-key.ts'
import { loadConfig, type Config } from '../config.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger, flushLogs } from '../logger.ts'
import { createBrandCommand, createUserCommand, resetPasswordCommand, type Credentials } from './accounts.ts'
import { CommandFailure, runCommand, setBeforeExit, UsageError } from './failures.ts'
import { seedDemo } from './seed-demo.ts'
import { start } from './start.ts'

type Options = NonNullable<ParseArgsConfig['options']>
interface Command {
  summary: string
  usage: string
  options: Options
  /** Long-running (start): the process stays up after `run` resolves. */
  serves?: boolean
  /** How many words may follow the command's name (default none). */
  positionals?: number
  run(values: Record<string, unknown>, positionals: string[]): Promise<void>
}

const password = { type: 'string' } as const
const text = (values: Record<string, unknown>, name: string): string | undefined => values[name] as string | undefined
function required(values: Record<string, unknown>, name: string): string {
  const value = text(values, name)
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`)
  return value
}

/** The settings a command line sets are environment variables too (docs/configuration.md). */
function configWith(env: Record<string, string | undefined>): Config {
  const merged = { ...process.env }
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value
  // A command is quiet unless LOG_LEVEL says otherwise: its result is what it prints.
  merged.LOG_LEVEL ??= 'warn'
  return loadConfig(merged)
}

/** Opens the database (migrating it, as a start does), runs `work`, closes it. */
async function withDatabase<T>(config: Config, work: (database: Awaited<ReturnType<typeof openDatabase>>, logger: ReturnType<typeof createLogger>) => Promise<T>): Promise<T> {
  const logger = createLogger(config.logLevel)
  setBeforeExit(() => flushLogs(logger))
  const database = await openDatabase(config, logger)
  try {
    await migrateToLatest(database.db.system)
    return await work(database, logger)
  } finally {
    await database.close()
  }
}

function printCredentials(what: string, c: Credentials): void {
  const lines = [what, `  brand:    ${c.brand}`, `  username: ${c.username}`, `  password: ${c.password}`]
  if (c.generated) lines.push('This generated password is shown only this once: keep it now.')
  process.stdout.write(`${lines.join('\n')}\n`)
}

const COMMANDS: Record<string, Command> = {
  start: {
    summary: 'run the API server (as npm start)',
    usage: 'start [--port <n>] [--host <address>] [--sandbox]',
    options: { port: { type: 'string' }, host: { type: 'string' }, sandbox: { type: 'boolean' } },
    serves: true,
    run: async (v) => start(configWith({ PORT: text(v, 'port'), HOST: text(v, 'host'), ELEVATE_SANDBOX: v.sandbox === true ? '1' : undefined, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' })),
  },
  migrate: {
    summary: 'bring the database schema up to date',
    usage: 'migrate',
    options: {},
    run: async () => {
      const config = configWith({})
      const logger = createLogger(config.logLevel)
      const database = await openDatabase(config, logger)
      try {
        const applied = await migrateToLatest(database.db.system)
        process.stdout.write(applied.length === 0 ? 'The schema is up to date.\n' : `Applied ${applied.length} migrations:\n${applied.map((m) => `  ${m}\n`).join('')}`)
      } finally {
        await database.close()
      }
    },
  },
  'create-brand': {
    summary: 'create a brand with its roles and an administrator',
    usage: 'create-brand <name> [--admin-username <name>] [--password <password>]',
    options: { 'admin-username': { type: 'string' }, password },
    positionals: 1,
    run: async (v, [name]) => {
      if (name === undefined) throw new UsageError('the brand name is required: create-brand <name>')
      const made = await withDatabase(configWith({}), ({ db }) => createBrandCommand(db.system, { brand: name, username: text(v, 'admin-username') ?? 'admin', password: text(v, 'password') }))
      printCredentials(`Created brand '${made.brand}' with its roles and an administrator:`, made)
    },
  },
  'create-user': {
    summary: 'create a user of a brand with some of its roles',
    usage: 'create-user --brand <name> --username <name> [--role <role>]… [--password <password>] [--first-name <n>] [--last-name <n>] [--email <e>]',
    options: { brand: { type: 'string' }, username: { type: 'string' }, role: { type: 'string', multiple: true }, password, 'first-name': { type: 'string' }, 'last-name': { type: 'string' }, email: { type: 'string' } },
    run: async (v) => {
      const input = {
        brand: required(v, 'brand'), username: required(v, 'username'), password: text(v, 'password'), roles: (v.role as string[] | undefined) ?? [],
        firstName: text(v, 'first-name'), lastName: text(v, 'last-name'), email: text(v, 'email'),
      }
      const made = await withDatabase(configWith({}), ({ db }) => createUserCommand(db.system, input))
      printCredentials(`Created user '${made.username}' (${input.roles.length > 0 ? input.roles.join(', ') : 'Read Only'}):`, made)
    },
  },
  'reset-password': {
    summary: "set a user's password (a new one is generated unless given)",
    usage: 'reset-password --brand <name> --username <name> [--password <password>]',
    options: { brand: { type: 'string' }, username: { type: 'string' }, password },
    run: async (v) => {
      const input = { brand: required(v, 'brand'), username: required(v, 'username'), password: text(v, 'password') }
      const made = await withDatabase(configWith({}), ({ db }) => resetPasswordCommand(db.system, input))
      printCredentials('Password reset:', made)
    },
  },
  'seed-demo': {
    summary: 'fill a brand with demo data: contract owners, billing cycles, customers with sites, users, a priced catalogue',
    usage: 'seed-demo [--brand <name>] [--customers <n>] [--password <password>]',
    options: { brand: { type: 'string' }, customers: { type: 'string' }, password },
    run: async (v) => {
      const customers = Number(text(v, 'customers') ?? '1000')
      if (!Number.isInteger(customers) || customers < 0 || customers > 100_000) throw new UsageError('--customers must be a whole number from 0 to 100000')
      const config = configWith({})
      const brand = text(v, 'brand') ?? config.admin.brand
      const summary = await withDatabase(config, ({ db }, logger) => seedDemo(config, db, logger, { brand, customers, password: text(v, 'password') }))
      process.stdout.write(
        `Seeded brand '${summary.brand}': ${summary.contractOwners} contract owners, ${summary.billingCycles} billing cycles, ` +
          `${summary.customers} customers with ${summary.sites} sites, a catalogue of ${summary.catalogue} records.\nUsers (password ${summary.password}): ${summary.users.join(', ')}\n`,
      )
    },
  },
  keys: {
    summary: 'list, rotate or retire the token signing keys (docs/signing-keys.md)',
    usage: 'keys list | keys rotate | keys retire <kid>',
    options: {},
    positionals: 2,
    run: async (_v, [action, kid]) => {
      if (!(action === 'list' || action === 'rotate' || (action === 'retire' && kid !== undefined)) || (action !== 'retire' && kid !== undefined)) {
        throw new UsageError('usage: elevate-api keys list | keys rotate | keys retire <kid>')
      }
      await withDatabase(configWith({}), async ({ db }) => {
        if (action === 'list') {
          for (const key of await listSigningKeys(db.system)) process.stdout.write(`${key.kid}\t${key.state}\t${key.created}\n`)
        } else if (action === 'rotate') {
          process.stdout.write(`new current key: ${await rotateSigningKey(db.system)} (the previous key's tokens stay valid until they expire)\n`)
        } else {
          const outcome = await retireSigningKey(db.system, kid!)
          if (outcome !== 'retired') throw new CommandFailure(outcome === 'current' ? `${kid} is the current key: rotate first` : `no key ${kid}`)
          process.stdout.write(`retired ${kid}: its tokens are refused from now on\n`)
        }
      })
    },
  },
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length))
  return [
    'Usage: elevate-api <command> [options]   (elevate-api <command> --help for its options)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Settings come from the environment (DATABASE_URL, PORT, …): see docs/configuration.md.',
  ].join('\n')
}

function main(argv: string[]): void {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`)
    return
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    process.stderr.write(`elevate-api: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; --help for more)\n`)
    process.exit(2)
  }
  runCommand(name, async () => {
    let parsed: ReturnType<typeof parseArgs>
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
    } catch (error) {
      throw new UsageError(`${(error as Error).message.split('\n')[0]} (usage: elevate-api ${command.usage})`)
    }
    if (parsed.values.help === true) {
      process.stdout.write(`Usage: elevate-api ${command.usage}\n\n${command.summary}\n`)
      return
    }
    const positional = command.positionals ?? 0
    if (parsed.positionals.length > positional) throw new UsageError(`unexpected argument '${parsed.positionals[positional]}' (usage: elevate-api ${command.usage})`)
    await command.run(parsed.values, parsed.positionals)
  }, { exitOnSuccess: command.serves !== true })
}

main(process.argv.slice(2))
