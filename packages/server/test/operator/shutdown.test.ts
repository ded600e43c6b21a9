import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { createTestDatabase } from '../helpers/database.ts'
import { startServerProcess } from '../helpers/process.ts'
import { open, parseResponse } from '../helpers/raw-http.ts'

const CREDENTIALS = { brand: 'default', username: 'admin', password: 'shutdown-admin-password' }

/** Whether a new connection to the server is still accepted. */
async function accepts(url: string): Promise<boolean> {
  try {
    ;(await open(url)).destroy()
    return true
  } catch {
    return false
  }
}

describe('graceful shutdown', { timeout: 120_000 }, () => {
  const cleanups: Array<() => Promise<unknown>> = []
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  it('on SIGTERM stops accepting, finishes the request in flight with 200, exits 0 with nothing on stderr', async () => {
    const database = await createTestDatabase({ empty: true })
    cleanups.push(() => database.drop())
    const server = await startServerProcess({ DATABASE_URL: database.url, ELEVATE_ADMIN_PASSWORD: CREDENTIALS.password, LOG_LEVEL: 'info' })
    cleanups.push(() => server.stop())

    // A slow request: its body arrives in two parts, the second only after the signal.
    const body = JSON.stringify(CREDENTIALS)
    const socket = await open(server.url)
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (received += chunk))
    const answered = new Promise<void>((resolve) => socket.on('data', () => received.includes('\r\n\r\n') && resolve()))
    socket.write(`POST /v1/authenticate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`)

    server.signal('SIGTERM')
    // Polls the condition itself (no timing): the listener closes once the stop has begun.
    while (await accepts(server.url)) await new Promise((resolve) => setImmediate(resolve))

    socket.write(body.slice(10))
    await answered
    await new Promise((resolve) => socket.once('close', resolve))
    const response = parseResponse(received)
    assert.equal(response.status, 200, response.text)
    assert.equal(typeof response.body.token, 'string')
    assert.equal(response.headers.connection, 'close', 'the connection is not kept for another request')

    assert.equal(await server.exited(), 0)
    assert.equal(server.errors(), '', 'nothing on stderr')
    const lines = server.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { level: number; msg: string })
    assert.deepEqual(lines.filter((line) => line.level >= 40), [], 'no warnings or errors logged')
    assert.equal(lines.at(-1)?.msg, 'stopped')
  })
})
