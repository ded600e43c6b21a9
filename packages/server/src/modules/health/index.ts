import { Type } from 'typebox'
import { defineModule } from '../module.ts'

const Status = Type.Object({ status: Type.String({ enum: ['ok'] }) })

/** Liveness (the process answers) and readiness (the database answers) for orchestrators. */
export const healthModule = defineModule({
  name: 'health',
  docs: 'health.md',
  permissions: [],
  register(app, { db }) {
    const health = { tags: ['health'], security: [], response: { 200: Status } }
    app.get('/health/live', { schema: { ...health, operationId: 'getLiveness' } }, async () => ({ status: 'ok' }))
    // A database failure here is classified like anywhere else: 503 with Retry-After.
    app.get('/health/ready', { schema: { ...health, operationId: 'getReadiness' } }, async () => {
      await db.ping()
      return { status: 'ok' }
    })
  },
})
