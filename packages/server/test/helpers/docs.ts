import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { ADMIN_DEFAULTS as ADMIN } from './admin.ts'

const run = promisify(execFile)

/** The shell blocks of a docs/modules page, in order. */
export async function shellBlocks(page: string): Promise<string[]> {
  const doc = await readFile(new URL(`../../../../docs/modules/${page}`, import.meta.url), 'utf8')
  return [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!)
}

/**
 * Runs docs examples as written with bash and curl against a test server: `pages` in order, each
 * whole, after the login block at the top of customers-and-sites.md (which sets `$API`, `$AUTH`,
 * `$JSON` and `id`) unless the first page is that one. Resolves with what the script printed.
 */
export async function runDocExamples(url: string, pages: string[]): Promise<string> {
  const [login] = await shellBlocks('customers-and-sites.md')
  const blocks = (await Promise.all(pages.map(shellBlocks))).flat()
  const script = (pages[0] === 'customers-and-sites.md' ? blocks : [login!, ...blocks])
    .join('\n')
    .replace('API=http://127.0.0.1:8080', `API=${url}`)
    .replace('\\"brand\\":\\"default\\"', `\\"brand\\":\\"${ADMIN.brand}\\"`)
  const { stdout } = await run('bash', ['-eo', 'pipefail', '-c', script], { env: { ...process.env, PASSWORD: ADMIN.password } })
  return stdout
}
