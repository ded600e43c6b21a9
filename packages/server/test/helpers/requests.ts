import assert from 'node:assert/strict'
import type { HttpClient } from './http.ts'

/** The Content-Type headers of the two PATCH formats. */
export const JSON_PATCH = { 'content-type': 'application/json-patch+json' }
export const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' }

/** POSTs a create that must succeed: asserts 201 (showing the answer when not) and returns the body. */
export async function created(server: HttpClient, token: string, path: string, body: unknown): Promise<any> {
  const response = await server.request('POST', path, { token, json: body })
  assert.equal(response.status, 201, response.text)
  return response.body
}

/** The brand's role ids by name (`roles['Read Only']`), as the user-roles list answers them. */
export async function roleIds(server: HttpClient, token: string): Promise<Record<string, number>> {
  const response = await server.request('GET', '/v1/user-roles?page=1&pageSize=10', { token })
  assert.equal(response.status, 200, response.text)
  return Object.fromEntries(response.body.map((role: { id: number; name: string }) => [role.name, role.id]))
}
