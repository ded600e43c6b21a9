import { canonicalJson } from '../canonical-json.ts'
import { assertValid } from '../errors.ts'
import type { DocumentOf, FieldMap, ResourceOf } from './fields.ts'
import { applyPatchRequest, type PatchRequest } from './patch.ts'
import { assertVersion } from './preconditions.ts'
import type { ResourceDescription } from './resource.ts'
import type { Stored } from './table.ts'

/** A resource with the version its ETag is made from (none for resources without versions). */
export interface Versioned<T> {
  resource: T
  version?: number
}

export { assertVersion } from './preconditions.ts'

/**
 * The versioned PATCH step every updatable resource shares, on a row the caller has found (and
 * locked): If-Match (412), the patch applied to the current representation, fixed fields refused
 * (400), the result validated like a create (400, every error at once). A patch that changes
 * nothing writes nothing, so the ETag stays and other editors' If-Match still holds; otherwise
 * `save` writes the document (the module's rules run there).
 */
export async function patchStored<M extends FieldMap>(
  description: ResourceDescription<M>,
  current: Stored<ResourceOf<M>>,
  patch: PatchRequest,
  save: (document: DocumentOf<M>) => Promise<Stored<ResourceOf<M>>>,
): Promise<Stored<ResourceOf<M>>> {
  if (current.version !== undefined) assertVersion(current.version, patch.ifMatch)
  const resource = current.resource as Record<string, unknown>
  const patched = applyPatchRequest(resource, patch, description.fixed)
  for (const field of description.server) delete patched[field]
  assertValid(description.validateDocument(patched))
  const unchanged = { ...resource }
  for (const field of description.server) delete unchanged[field]
  if (canonicalJson(patched) === canonicalJson(unchanged)) return current
  return save(patched as DocumentOf<M>)
}
