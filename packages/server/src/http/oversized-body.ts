import { finished } from 'node:stream/promises'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

/** Bodies up to this many times the limit are read and dropped before the 413, not cut off. */
const DRAIN_FACTOR = 4

/**
 * A body declared larger than the limit gets 413. Fastify answers that before reading the body and
 * closes the connection, so a client still sending meets a reset (EPIPE) and may never see the
 * answer. Up to four times the limit, the body is read and dropped first: the client gets its 413,
 * and the connection stays open. Past that, reading is not worth it and Fastify's close stands.
 */
export function drainOversizedBodies(app: FastifyInstance, limitBytes: number): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const declared = Number(request.headers['content-length'])
    if (request.method === 'GET' || request.method === 'HEAD' || !(declared > limitBytes && declared <= limitBytes * DRAIN_FACTOR)) return payload
    // A client that gives up half way needs no answer: the 413 goes nowhere, and that is fine.
    await finished(payload.resume()).catch(() => undefined)
    throw new AppError('payload_too_large')
  })
}
