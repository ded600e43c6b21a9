/**
 * The RFC 8288 `Link` header of a list page: `rel="next"` when more rows follow, `rel="prev"`
 * after the first page. Targets are relative to the request, keeping every other parameter.
 */
export function pageLinks(requestUrl: string, page: number, hasNext: boolean): string | undefined {
  const question = requestUrl.indexOf('?')
  const path = question === -1 ? requestUrl : requestUrl.slice(0, question)
  const query = new URLSearchParams(question === -1 ? '' : requestUrl.slice(question + 1))
  const links: string[] = []
  const target = (p: number) => {
    query.set('page', String(p))
    return `<${path}?${query.toString()}>`
  }
  if (hasNext) links.push(`${target(page + 1)}; rel="next"`)
  if (page > 1) links.push(`${target(page - 1)}; rel="prev"`)
  return links.length === 0 ? undefined : links.join(', ')
}
