import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the proxy received, and what became of it. */
export interface ProxiedRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** The status the target answered with (also for a dropped answer), once it has answered. */
  upstreamStatus?: number
  upstreamHeaders?: http.IncomingHttpHeaders
  /** The body of a dropped answer, which the client never saw. */
  droppedBody?: string
  /** True when the target's answer was swallowed and the client's connection destroyed. */
  dropped: boolean
}

export interface DroppingProxy {
  /** e.g. http://127.0.0.1:41235: use it as the client's baseUrl. */
  url: string
  requests: ProxiedRequest[]
  close(): Promise<void>
}

/**
 * A real HTTP proxy on a free loopback port in front of `target`. It forwards every request as is,
 * except that for the first one `drop` picks it forwards the request, reads the target's whole
 * answer, and then destroys the client's connection instead of relaying it: the request took
 * effect on the server, but the client saw the connection close without an answer.
 */
export async function startDroppingProxy(target: string, drop: (request: http.IncomingMessage) => boolean): Promise<DroppingProxy> {
  const upstream = new URL(target)
  const requests: ProxiedRequest[] = []
  let droppedOne = false
  const server = http.createServer((request, response) => {
    const record: ProxiedRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, dropped: false }
    requests.push(record)
    const dropThis = !droppedOne && drop(request)
    if (dropThis) droppedOne = true
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent: false },
      (answer) => {
        record.upstreamStatus = answer.statusCode
        record.upstreamHeaders = answer.headers
        if (!dropThis) {
          response.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(response)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.once('end', () => {
          record.dropped = true
          record.droppedBody = Buffer.concat(chunks).toString('utf8')
          request.socket.destroy()
        })
      },
    )
    forward.once('error', (error) => response.destroy(error))
    request.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
