import pino from 'pino'
import { Database } from '../db/database.ts'
import { listSigningKeys, retireSigningKey, rotateSigningKey } from './signing-key.ts'

/**
 * The signing-key rotation procedure (docs/signing-keys.md), run against the server's database:
 *   npm run keys --workspace @elevate-api/server -- list | rotate | retire <kid>
 * with DATABASE_URL set. Kept apart from the server's CLI: it only touches `signing_keys`.
 */
const USAGE = 'usage: keys list | rotate | retire <kid>   (DATABASE_URL must name the server’s database)'

async function main(args: string[]): Promise<number> {
  const [command, kid] = args
  const url = process.env.DATABASE_URL
  if (url === undefined || url === '' || command === undefined || !['list', 'rotate', 'retire'].includes(command) || (command === 'retire') !== (kid !== undefined)) {
    console.error(USAGE)
    return 2
  }
  const db = new Database({ url, poolSize: 1, logger: pino({ level: 'warn' }) })
  try {
    if (command === 'rotate') {
      console.log(`new current key: ${await rotateSigningKey(db.system)} (the previous key's tokens stay valid until they expire)`)
    } else if (command === 'retire') {
      const outcome = await retireSigningKey(db.system, kid!)
      if (outcome !== 'retired') {
        console.error(outcome === 'current' ? `${kid} is the current key: rotate first` : `no key ${kid}`)
        return 1
      }
      console.log(`retired ${kid}: its tokens are refused from now on`)
    } else {
      for (const key of await listSigningKeys(db.system)) console.log(`${key.kid}\t${key.state}\t${key.created}`)
    }
    return 0
  } finally {
    await db.close()
  }
}

process.exitCode = await main(process.argv.slice(2))
