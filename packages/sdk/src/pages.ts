/** Paging helpers: the RFC 8288 `Link` header of list pages. */

/** The targets of a `Link` header by relation (`next`, `prev`, …); the first link of a relation wins. */
export function parseLinkHeader(header: string | null): Map<string, string> {
  const links = new Map<string, string>()
  if (header === null) return links
  // <target>; param=value; rel="next prev", <target>; … (RFC 8288 §3); targets never contain '>'.
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '')
    for (const name of (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/)) {
      if (name !== '' && !links.has(name)) links.set(name, match[1] ?? '')
    }
  }
  return links
}

/**
 * The query of the next page, from `Link: <…>; rel="next"`, resolved against the page's URL.
 * Only the query is taken, and only from a link to the same list: the bearer token must never
 * follow a link to another host, and behind a proxy that adds a path prefix the server's
 * root-relative links (`/v1/…`) would otherwise miss the prefix. A foreign link is an error, not
 * the end of the list: stopping there would pass off part of a list as all of it.
 */
export function nextPageQuery(headers: Headers, requestUrl: string, listPath: string): URLSearchParams | undefined {
  const target = parseLinkHeader(headers.get('link')).get('next')
  if (target === undefined) return undefined
  const current = new URL(requestUrl)
  const next = new URL(target, current)
  if (next.origin !== current.origin || !next.pathname.endsWith(listPath)) {
    throw new Error(`Refusing to follow Link rel="next" to ${next.origin}${next.pathname}: not ${listPath} on this server`)
  }
  return next.searchParams
}
