import { createBrand, createUser } from './accounts.ts'
import { ADMIN, type TestServer } from './server.ts'

let sequence = 0

/** The id of a brand by name. */
export async function brandId(server: TestServer, name = ADMIN.brand): Promise<number> {
  return (await server.db.system.selectFrom('brands').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id
}

/** A new user of the test brand with these roles (and contract owner, when restricted); its token. */
export async function loginAs(server: TestServer, roles: readonly string[], contractOwnerId: number | null = null): Promise<string> {
  const username = `user-${process.pid}-${++sequence}`
  const password = `${username}-password`
  await createUser(server.db.system, { brandId: await brandId(server), username, password, roles, contractOwnerId })
  return server.login({ brand: ADMIN.brand, username, password })
}

/** An administrator of a second brand, new each call: for checking that brands never see each other. */
export async function otherBrandAdmin(server: TestServer): Promise<string> {
  const name = `other-${process.pid}-${++sequence}`
  const id = await createBrand(server.db.system, name)
  await createUser(server.db.system, { brandId: id, username: 'admin', password: 'other-brand-password', roles: ['Administrator'] })
  return server.login({ brand: name, username: 'admin', password: 'other-brand-password' })
}
