/**
 * `npm run check:package` (CI, on each Node version): the SDK as a user gets it. Packs it, installs
 * the tarball into a fresh project with TypeScript, then runs a script there with plain `node` and
 * type-checks a TypeScript file with a strict NodeNext configuration. Nothing of this repository is
 * visible to that project but the tarball.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// A fetch that answers like the server: a login, a page of roles, then a 404 with the error body.
const SCRIPT = `import { ElevateClient, NotFoundError } from '@elevate-api/sdk'
import assert from 'node:assert/strict'

const answers = [
  [200, { token: 'a.b.c', username: 'admin', expiresAt: new Date(Date.now() + 900_000).toISOString() }],
  [200, [{ id: 1, name: 'Administrator', permissions: ['customers:read'] }]],
  [404, { status: 404, error: 'Not Found', message: 'Customer 9 was not found', timestamp: new Date().toISOString(), path: '/v1/customers/9', requestId: 'r-1', code: 'not_found' }],
]
const fetch = async () => {
  const [status, body] = answers.shift()
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' } })
}
const client = new ElevateClient({ baseUrl: 'http://elevate.invalid', brand: 'acme', username: 'admin', password: 'secret', fetch })
const roles = await client.userRoles.list({ page: 1, pageSize: 10 })
assert.equal(roles[0].name, 'Administrator')
await assert.rejects(client.customers.get(9), (error) => error instanceof NotFoundError && error.code === 'not_found')
console.log('plain node: ok')
`

const TYPED = `import { ElevateClient, type Customer, type CreateCustomerBody, type ElevateError } from '@elevate-api/sdk'

export async function firstCustomerName(client: ElevateClient): Promise<string | undefined> {
  const page: Customer[] = await client.customers.list({ page: 1, pageSize: 1, sort: 'customerName' })
  return page[0]?.customerName
}

export function body(contractOwnerId: number, billingCycleId: number): CreateCustomerBody {
  return {
    contractOwnerId, billingCycleId, customerType: 'BUSINESS', customerName: 'Acme', startDate: '2024-01-01',
    sites: [{ siteName: 'HQ', siteReference: 'HQ', startDate: '2024-01-01', siteAddress: { address1: '1 High St', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }, contacts: [{ firstName: 'A', lastName: 'B', email: 'a@b.example' }] }],
  }
}

export const codeOf = (error: ElevateError): string | undefined => ('code' in error ? String(error.code) : undefined)
`

const TSCONFIG = { compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: ['node'], noUncheckedIndexedAccess: true } }

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'elevate-sdk-package-'))
  try {
    execFileSync(npm, ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    const tarball = (await readdir(work)).find((file) => file.endsWith('.tgz'))
    if (tarball === undefined) throw new Error('npm pack wrote no tarball')
    const project = path.join(work, 'project')
    await mkdir(project)
    execFileSync(npm, ['init', '-y', '--silent'], { cwd: project, stdio: 'ignore' })
    execFileSync(npm, ['pkg', 'set', 'type=module'], { cwd: project })
    execFileSync(npm, ['install', '--silent', '--no-audit', '--no-fund', path.join(work, tarball), 'typescript@5.9', '@types/node@20'], { cwd: project, stdio: 'inherit' })
    await writeFile(path.join(project, 'smoke.mjs'), SCRIPT)
    await writeFile(path.join(project, 'typed.ts'), TYPED)
    await writeFile(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
    execFileSync(process.execPath, ['smoke.mjs'], { cwd: project, stdio: 'inherit' })
    execFileSync(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, stdio: 'inherit' })
    process.stdout.write(`strict tsc (NodeNext): ok\npacked SDK works on Node ${process.version}\n`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`the packed SDK failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
