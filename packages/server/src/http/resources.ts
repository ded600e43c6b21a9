import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import { PATCH_MEDIA_TYPES, type PatchRequest } from '../resources/patch.ts'
import type { Versioned } from '../resources/versioned.ts'
import { mediaTypeOf } from './negotiation.ts'

/** The media types a PATCH route consumes (`config.consumes`). */
export const PATCH_CONSUMES = Object.keys(PATCH_MEDIA_TYPES)

/** A strong entity tag for a version (RFC 9110 §8.8.3). */
export function etagOf(version: number): string {
  return `"${version}"`
}

/**
 * The versions an If-Match header accepts: undefined for none or `*` (the resource exists, or the
 * route answers 404). A weak or malformed tag matches nothing, so it gives 412 (strong comparison).
 */
export function ifMatchVersions(header: string | undefined): readonly number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined
  return header.split(',').map((tag) => {
    const match = /^\s*"(\d{1,9})"\s*$/.exec(tag)
    return match === null ? -1 : Number(match[1])
  })
}

/** Reads a PATCH request: its format from the Content-Type, its body and its If-Match. */
export function patchRequestOf(request: FastifyRequest): PatchRequest {
  const format = PATCH_MEDIA_TYPES[mediaTypeOf(request.headers['content-type']) ?? '']
  if (format === undefined) throw new AppError('unsupported_media_type') // the guard has checked this
  return { format, document: request.body, ifMatch: ifMatchVersions(request.headers['if-match']) }
}

/** Answers a resource with its ETag (GET and PATCH), when it has a version. */
export function sendVersioned<T>(reply: FastifyReply, versioned: Versioned<T>): T {
  if (versioned.version !== undefined) reply.header('etag', etagOf(versioned.version))
  return versioned.resource
}

/** Answers 201 Created with Location and ETag (RFC 9110 §15.3.2); every created resource has an id. */
export function sendCreated<T extends object>(reply: FastifyReply, collectionPath: string, versioned: Versioned<T>): T {
  const id = (versioned.resource as { id?: unknown }).id
  reply.code(201).header('location', `${collectionPath}/${String(id)}`)
  return sendVersioned(reply, versioned)
}

/** Answers a HEAD exists-check: 200 when something matches, 404 when nothing does (no body). */
export function sendExists(reply: FastifyReply, exists: boolean): FastifyReply {
  if (!exists) throw new AppError('not_found', { message: 'Nothing matches these filters' })
  return reply.code(200).send()
}
