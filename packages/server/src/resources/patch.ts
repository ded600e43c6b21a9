import jsonPatch, { type Operation } from 'fast-json-patch'
import { AppError, assertValid, type FieldError } from '../errors.ts'

// CommonJS without named exports under Node's ESM loader: take the functions off the default.
const { applyPatch, JsonPatchError } = jsonPatch

/** The two PATCH formats the API takes, by media type. */
export type PatchFormat = 'json-patch' | 'merge-patch'

export const PATCH_MEDIA_TYPES: Record<string, PatchFormat> = {
  'application/json-patch+json': 'json-patch',
  'application/merge-patch+json': 'merge-patch',
}

export interface PatchRequest {
  format: PatchFormat
  document: unknown
  /** Versions the client says it last saw (If-Match); undefined when it sent no precondition. */
  ifMatch: readonly number[] | undefined
}

type Json = Record<string, unknown>

/**
 * Applies a patch to a resource's full representation, then refuses changes to read-only fields.
 * JSON Patch (RFC 6902): a failed `test` is 409, any other broken operation 400. Merge patch
 * (RFC 7396): an object whose nulls remove members.
 */
export function applyPatchRequest(current: Json, patch: PatchRequest, readOnly: readonly string[]): Json {
  const patched = patch.format === 'json-patch' ? applyJsonPatch(current, patch.document) : applyMergePatch(current, patch.document)
  const errors: FieldError[] = []
  for (const field of readOnly) {
    if (JSON.stringify(patched[field]) !== JSON.stringify(current[field])) {
      errors.push({ field, code: 'read_only', message: 'cannot be changed' })
    }
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', {
      message: `Validation failed: ${errors.map((e) => `'${e.field}'`).join(', ')} cannot be changed`,
      errors,
    })
  }
  return patched
}

/**
 * The whole PATCH step: apply the patch to the current representation, refuse read-only changes,
 * drop the fields only the server writes (`serverFields`: id, timestamps) and validate what is left
 * like a create (400 with every error).
 */
export function patchDocument<T>(
  current: Json,
  patch: PatchRequest,
  readOnly: readonly string[],
  serverFields: readonly string[],
  validate: (document: unknown) => FieldError[],
): T {
  const patched = applyPatchRequest(current, patch, readOnly)
  for (const field of serverFields) delete patched[field]
  assertValid(validate(patched))
  return patched as T
}

function applyJsonPatch(current: Json, document: unknown): Json {
  if (!Array.isArray(document)) {
    throw new AppError('invalid_patch', { message: 'A JSON Patch document must be an array of operations' })
  }
  try {
    const result = applyPatch(structuredClone(current), document as Operation[], true, true, true).newDocument
    if (result === null || typeof result !== 'object' || Array.isArray(result)) {
      throw new AppError('invalid_patch', { message: 'The patch must leave an object' })
    }
    return result
  } catch (error) {
    // The library refuses prototype paths (/__proto__/…) with a TypeError of its own.
    if (error instanceof TypeError && !(error instanceof JsonPatchError)) {
      throw new AppError('invalid_patch', { message: 'The patch names a path that is not allowed' })
    }
    if (!(error instanceof JsonPatchError)) throw error
    const at = error.index === undefined ? '' : ` (operation ${error.index})`
    if (error.name === 'TEST_OPERATION_FAILED') {
      throw new AppError('patch_test_failed', { message: `A test operation failed${at}: nothing was changed` })
    }
    throw new AppError('invalid_patch', { message: `${error.message.split('\n')[0]}${at}` })
  }
}

function applyMergePatch(current: Json, document: unknown): Json {
  if (!isObject(document)) {
    throw new AppError('invalid_patch', { message: 'A merge patch document must be a JSON object' })
  }
  return merge(current, document) as Json
}

/** RFC 7396 §2, MergePatch(Target, Patch). */
function merge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch
  const result: Json = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = merge(result[key], value)
  }
  return result
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
