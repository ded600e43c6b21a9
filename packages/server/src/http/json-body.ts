import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import { textProblem } from '../text.ts'

/** Deeper than this, a body is not a document of this API (and recursion on it would be unsafe). */
const MAX_DEPTH = 32

/**
 * What JSON allows but no field of this API can hold: NUL and other control characters, unpaired
 * surrogates (not Unicode text), and absurd nesting. Checked once, iteratively, on every parsed
 * body, so the database and the patch code never meet them. Returns the problem, if any.
 */
export function unacceptableJson(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (typeof node === 'string') {
      const problem = textProblem(node)
      if (problem !== undefined) return problem
    } else if (node !== null && typeof node === 'object') {
      if (depth >= MAX_DEPTH) return `is nested more than ${MAX_DEPTH} levels deep`
      for (const [key, child] of Object.entries(node)) {
        stack.push([key, depth + 1], [child, depth + 1])
      }
    }
  }
  return undefined
}

/** JSON bodies (plain, JSON Patch, merge patch) parse with Fastify's safe parser, then are checked. */
export function installJsonParser(app: FastifyInstance, mediaTypes: readonly string[]): void {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser([...mediaTypes], { parseAs: 'string' }, (request: FastifyRequest, body: string | Buffer, done) => {
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error !== null) return done(error, undefined)
      const problem = unacceptableJson(value)
      if (problem === undefined) return done(null, value)
      done(new AppError('malformed_json', { message: `The request body ${problem}` }), undefined)
    })
  })
}
