import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createUser } from '../helpers/accounts.ts'
import { assertError } from '../helpers/assertions.ts'
import { contractOwnerBody, createAdminSetup, customerBody, subBrandBody, type AdminSetup } from '../helpers/fixtures.ts'
import { ADMIN, startTestServer, type TestServer } from '../helpers/server.ts'
import { openTransaction, untilBlocked } from '../helpers/transactions.ts'
import { MERGE_PATCH } from '../helpers/requests.ts'


describe('DELETE /v1/contract-owner-sub-brands/{contractOwnerSubBrandId}', () => {
  let server: TestServer
  let token: string
  let setup: AdminSetup
  before(async () => {
    server = await startTestServer()
    token = await server.login()
    setup = await createAdminSetup((m, p, o) => server.request(m, p, o), token)
  })
  after(() => server.close())

  const newSubBrand = async (contractOwnerId = setup.contractOwnerId) => {
    const response = await server.request('POST', '/v1/contract-owner-sub-brands', { token, json: subBrandBody(contractOwnerId) })
    assert.equal(response.status, 201, response.text)
    return response.body.id as number
  }
  const remove = (id: number | string, as = token) => server.request('DELETE', `/v1/contract-owner-sub-brands/${id}`, { token: as })

  it('deletes one: 204 without a body; then it is gone, and a second DELETE is 404', async () => {
    const id = await newSubBrand()
    const response = await remove(id)
    assert.equal(response.status, 204)
    assert.equal(response.text, '')
    assertError(await server.request('GET', `/v1/contract-owner-sub-brands/${id}`, { token }), 404, 'not_found')
    const again = await remove(id)
    assertError(again, 404, 'not_found', `/v1/contract-owner-sub-brands/${id}`)
    assert.match(again.body.message, new RegExp(`sub-brand ${id} was not found`))
  })

  it('answers 409 in_use while a customer uses it, and deletes it once the customer has moved', async () => {
    const id = await newSubBrand()
    const customer = await server.request('POST', '/v1/customers', { token, json: customerBody({ ...setup, subBrandId: id }) })
    assert.equal(customer.status, 201, customer.text)
    const refused = await remove(id)
    assertError(refused, 409, 'in_use')
    assert.equal(refused.body.message, `Contract owner sub-brand ${id} is used by customers and cannot be deleted: move its customers to another sub-brand (PATCH /v1/customers/{customerId}) first`)
    assert.equal((await server.request('GET', `/v1/contract-owner-sub-brands/${id}`, { token })).status, 200, 'still there')

    const moved = await server.request('PATCH', `/v1/customers/${customer.body.id}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ contractOwnerSubBrandId: setup.subBrandId }) })
    assert.equal(moved.status, 200, moved.text)
    assert.equal((await remove(id)).status, 204)
  })

  it('lets the database decide against a customer created while the delete runs: 409, never a dangling customer', async () => {
    const id = await newSubBrand()
    const { id: brandId } = await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    // A customer create that has inserted its row but not yet committed, as the API's would be.
    const create = await openTransaction(server.config.databaseUrl!)
    await create.query(
      `insert into customers (brand_id, contract_owner_id, contract_owner_sub_brand_id, billing_cycle_id, customer_type, customer_name, customer_account_number, start_date)
       values ($1, $2, $3, $4, 'BUSINESS', 'Concurrent Ltd', $5, '2024-01-01')`,
      [brandId, setup.contractOwnerId, id, setup.billingCycleId, `RACE-${id}`],
    )
    const deleting = remove(id)
    await untilBlocked(create)
    await create.commit()
    assertError(await deleting, 409, 'in_use')
    const row = await server.db.system.selectFrom('customers').select('contract_owner_sub_brand_id').where('customer_account_number', '=', `RACE-${id}`).executeTakeFirstOrThrow()
    assert.equal(Number(row.contract_owner_sub_brand_id), id)
    assert.equal((await server.request('GET', `/v1/contract-owner-sub-brands/${id}`, { token })).status, 200)
  })

  it('refuses a customer written while the delete runs with 400 invalid_reference, never a 500', async () => {
    const numbered = customerBody(setup, { customerAccountNumber: 'RACE-GIVEN' })
    const moving = (await server.request('POST', '/v1/customers', { token, json: customerBody(setup) })).body.id as number
    const writes = [
      // A generated account number draws from the sub-brand's row; a given one only references it.
      (id: number) => server.request('POST', '/v1/customers', { token, json: customerBody({ ...setup, subBrandId: id }) }),
      (id: number) => server.request('POST', '/v1/customers', { token, json: { ...numbered, contractOwnerSubBrandId: id } }),
      (id: number) => server.request('PATCH', `/v1/customers/${moving}`, { token, headers: MERGE_PATCH, body: JSON.stringify({ contractOwnerSubBrandId: id }) }),
    ]
    for (const write of writes) {
      const id = await newSubBrand()
      const deletion = await openTransaction(server.config.databaseUrl!)
      await deletion.query('delete from contract_owner_sub_brands where id = $1', [id])
      const writing = write(id)
      await untilBlocked(deletion)
      await deletion.commit()
      const response = await writing
      assertError(response, 400, 'invalid_reference')
      assert.deepEqual(response.body.errors.map((e: { field: string }) => e.field), ['contractOwnerSubBrandId'])
    }
    const customers = await server.db.system.selectFrom('customers').leftJoin('contract_owner_sub_brands as s', 's.id', 'customers.contract_owner_sub_brand_id').select('s.id').execute()
    assert.ok(customers.every((row) => row.id !== null), 'every customer points at a sub-brand that exists')
  })

  it('answers 401 without a token, 403 without admin:write, 404 outside the contract-owner scope', async () => {
    const id = await newSubBrand()
    assertError(await server.request('DELETE', `/v1/contract-owner-sub-brands/${id}`), 401, 'authentication_required')
    const { id: brandId } = await server.db.system.selectFrom('brands').select('id').where('name', '=', ADMIN.brand).executeTakeFirstOrThrow()
    const otherOwner = (await server.request('POST', '/v1/contract-owners', { token, json: contractOwnerBody() })).body.id
    await createUser(server.db.system, { brandId, username: 'sb-reader', password: 'sb-reader-password', roles: ['Read Only'] })
    await createUser(server.db.system, { brandId, username: 'sb-scoped', password: 'sb-scoped-password', roles: ['Administrator'], contractOwnerId: otherOwner })
    const reader = await server.login({ brand: ADMIN.brand, username: 'sb-reader', password: 'sb-reader-password' })
    const scoped = await server.login({ brand: ADMIN.brand, username: 'sb-scoped', password: 'sb-scoped-password' })
    const forbidden = await remove(id, reader)
    assertError(forbidden, 403, 'insufficient_permission')
    assert.match(forbidden.body.message, /admin:write/)
    assertError(await remove(id, scoped), 404, 'not_found')
    assert.equal((await server.request('GET', `/v1/contract-owner-sub-brands/${id}`, { token })).status, 200, 'neither deleted it')
  })

  it('answers 400 for an id that is not one, and 405 with Allow for a method the item does not take', async () => {
    assertError(await remove('abc'), 400, 'invalid_path_parameter')
    assertError(await remove(0), 400, 'invalid_path_parameter')
    const put = await server.request('PUT', `/v1/contract-owner-sub-brands/${setup.subBrandId}`, { token, json: {} })
    assertError(put, 405, 'method_not_allowed')
    assert.deepEqual(put.headers.get('allow')?.split(', ').sort(), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH'])
  })
})
