import type { FieldError } from '../../errors.ts'

/**
 * Substitutions in a template's text: `{{customerName}}`, spaces inside the braces allowed. A name
 * starts with a letter and goes on with letters, digits, `_` and `.` (`invoice.totalInMajorCurrency`).
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g
const OPENING = '{{'

export interface Substitutions {
  /** The distinct names, in order of first appearance. */
  names: string[]
  errors: FieldError[]
}

/**
 * The names substituted in `texts` (by field), and an error for each field with a `{{` that does
 * not open a well-formed substitution (unclosed, or not a name): a typo would otherwise be sent to
 * customers as it stands.
 */
export function substitutionsOf(texts: Record<string, string>): Substitutions {
  const names = new Set<string>()
  const errors: FieldError[] = []
  for (const [field, text] of Object.entries(texts)) {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!)
    const stray = text.replace(PLACEHOLDER, '').indexOf(OPENING)
    if (stray !== -1) {
      const fragment = text.replace(PLACEHOLDER, '').slice(stray, stray + 20)
      errors.push({ field, code: 'invalid_value', message: `has a substitution that is not closed or not a name: '${fragment}'; write {{name}}` })
    }
  }
  return { names: [...names], errors }
}
