/** JSON with object keys in sorted order, at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(node).sort()) sorted[key] = (node as Record<string, unknown>)[key]
    return sorted
  })
}
