import { ADMIN_DEFAULTS } from './admin.ts'

export interface TestResponse {
  status: number
  headers: Headers
  /** The parsed JSON body, or undefined when there is none. */
  body: any
  text: string
}

export interface RequestOptions {
  token?: string
  /** Sent as JSON with Content-Type application/json unless `headers` say otherwise. */
  json?: unknown
  /** Sent as is. */
  body?: string
  headers?: Record<string, string>
  /** Aborts the request (a client that gives up). */
  signal?: AbortSignal
}

/** Real HTTP (fetch) against a server, with the few conveniences the tests share. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {}
    let body: string | undefined = options.body
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
    Object.assign(headers, options.headers)
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, signal: options.signal })
    const text = await response.text()
    const isJson = response.headers.get('content-type')?.includes('json') === true && text !== ''
    return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : undefined, text }
  }

  /** Logs in and returns the bearer token; throws unless the login succeeds. */
  async login(credentials: { brand: string; username: string; password: string } = ADMIN_DEFAULTS): Promise<string> {
    const response = await this.request('POST', '/v1/authenticate', { json: credentials })
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`)
    return response.body.token as string
  }
}
