/** An answer of another status than the call expected. */
export class UnexpectedStatus extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

/** A bench's client of the API: a logged-in bearer, and calls that fail on any status but the one expected. */
export interface ApiClient {
  origin: string
  authorization: string
  /** The parsed JSON body of `method path`; throws, naming the call, when the status is not `expect`. */
  call<T>(method: string, path: string, options?: { expect?: number; json?: unknown; jsonPatch?: unknown[] }): Promise<T>
  /** The status alone (the body is read and dropped), for probes that accept more than one. */
  status(path: string): Promise<number>
}

export async function connect(origin: string, credentials: { brand: string; username: string; password: string }): Promise<ApiClient> {
  const signIn = await fetch(`${origin}/v1/authenticate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })
  if (signIn.status !== 200) throw new Error(`POST /v1/authenticate answered ${signIn.status}: ${await signIn.text()}`)
  const authorization = `Bearer ${((await signIn.json()) as { token: string }).token}`
  return {
    origin,
    authorization,
    async call<T>(method: string, path: string, options: { expect?: number; json?: unknown; jsonPatch?: unknown[] } = {}): Promise<T> {
      const headers: Record<string, string> = { authorization, accept: 'application/json' }
      let body: string | undefined
      if (options.jsonPatch !== undefined) {
        headers['content-type'] = 'application/json-patch+json'
        body = JSON.stringify(options.jsonPatch)
      } else if (options.json !== undefined) {
        headers['content-type'] = 'application/json'
        body = JSON.stringify(options.json)
      }
      const response = await fetch(`${origin}${path}`, { method, headers, body })
      const text = await response.text()
      if (response.status !== (options.expect ?? 200)) throw new UnexpectedStatus(response.status, `${method} ${path} answered ${response.status}, not ${options.expect ?? 200}: ${text.slice(0, 500)}`)
      return (text === '' ? undefined : JSON.parse(text)) as T
    },
    async status(path: string): Promise<number> {
      const response = await fetch(`${origin}${path}`, { headers: { authorization } })
      await response.arrayBuffer()
      return response.status
    },
  }
}
