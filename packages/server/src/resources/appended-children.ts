import { assertValid } from '../errors.ts'
import type { PatchRequest } from './patch.ts'

/**
 * Takes the operations that add children out of a parent's JSON Patch (a rate card's rates: "to
 * add a new rate, use the rate card's PATCH"): an `add` to `/<name>/-`, or to an index at or past
 * the `existing` children. Any other operation on `/<name>` is 400: a child is changed or deleted
 * at its own path (`itemPath`). The rest of the patch applies to the parent as usual.
 */
export function splitAppendedChildren(patch: PatchRequest, name: string, existing: number, itemPath: string): { rest: PatchRequest; added: unknown[] } {
  if (!Array.isArray(patch.document)) return { rest: patch, added: [] }
  const under = new RegExp(`^/${name}(/|$)`)
  const append = new RegExp(`^/${name}/(-|\\d+)$`)
  const added: unknown[] = []
  const rest: unknown[] = []
  for (const operation of patch.document as unknown[]) {
    const { op, path, value } = (operation ?? {}) as { op?: unknown; path?: unknown; value?: unknown }
    if (typeof path !== 'string' || !under.test(path)) {
      rest.push(operation)
      continue
    }
    const index = append.exec(path)
    if (op !== 'add' || index === null || (index[1] !== '-' && Number(index[1]) < existing)) {
      const which = path.split('/')[2] ?? ''
      assertValid([{ field: name, code: 'invalid_value', message: `can only be added here (add to /${name}/-); change or delete ${which === '' ? 'one' : which} with PATCH or DELETE ${itemPath}` }])
    }
    added.push(value)
  }
  return { rest: { ...patch, document: rest }, added }
}
