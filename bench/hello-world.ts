/** The baseline: the smallest Fastify app, as Fastify's own benchmarks run it (logging off). */
import Fastify from 'fastify'

const app = Fastify()
app.get('/', async () => ({ hello: 'world' }))
const address = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`listening on ${address}\n`)
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
