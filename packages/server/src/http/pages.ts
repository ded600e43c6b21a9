import type { FastifyReply, FastifyRequest } from 'fastify'
import { pageLinks } from '../lists/link.ts'

/** Sends a list page as the published API does (a bare JSON array), with its `Link` header. */
export function sendPage<T>(request: FastifyRequest, reply: FastifyReply, page: number, result: { items: T[]; hasNext: boolean }): T[] {
  const link = pageLinks(request.url, page, result.hasNext)
  if (link !== undefined) reply.header('link', link)
  return result.items
}
