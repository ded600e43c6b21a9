import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../module.ts'

const Status = Type.Object({ status: Type.String({ enum: ['ok'] }) })

/** Liveness (the process answers) and readiness (the database answers) for orchestrators. */
export async function healthModule(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  app.get('/health/live', { schema: { tags: ['health'], operationId: 'getLiveness', response: { 200: Status } } }, async () => ({ status: 'ok' }))
  // A database failure here is classified like anywhere else: 503 with Retry-After.
  app.get('/health/ready', { schema: { tags: ['health'], operationId: 'getReadiness', response: { 200: Status } } }, async () => {
    await db.ping()
    return { status: 'ok' }
  })
}
