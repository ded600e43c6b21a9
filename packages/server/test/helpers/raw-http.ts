import { connect, type Socket } from 'node:net'

/** A response read off a raw socket: what a client sees, whoever wrote it (Node, Fastify, us). */
export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: any
  text: string
}

/** Parses the first HTTP/1.1 response in `data` (Content-Length framing only). */
export function parseResponse(data: string): RawResponse {
  const end = data.indexOf('\r\n\r\n')
  if (end === -1) throw new Error(`no complete response head in ${JSON.stringify(data.slice(0, 200))}`)
  const [statusLine, ...lines] = data.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const length = Number(headers['content-length'] ?? 0)
  const text = Buffer.from(data.slice(end + 4), 'latin1').subarray(0, length).toString('utf8')
  const json = (headers['content-type'] ?? '').includes('json') && text !== ''
  return { status: Number(statusLine!.split(' ')[1]), headers, body: json ? JSON.parse(text) : undefined, text }
}

/** Opens a connection to `url`'s host and port. */
export function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Everything the server sends until it closes the connection. */
export function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (data += chunk))
    socket.on('error', () => undefined)
    socket.once('close', () => resolve(data))
  })
}

/** Writes `bytes` on a new connection and returns what came back before the server closed it. */
export async function exchange(url: string, bytes: string | Buffer): Promise<string> {
  const socket = await open(url)
  const received = readUntilClosed(socket)
  socket.write(bytes)
  return received
}
