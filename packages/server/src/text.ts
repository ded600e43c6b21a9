// C0 control characters but tab, line feed and carriage return (PostgreSQL refuses NUL outright),
// and surrogates without their other half (not Unicode text: PostgreSQL refuses them in jsonb).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** What is wrong with a piece of client text that no field of this API can hold, if anything. */
export function textProblem(text: string): string | undefined {
  if (CONTROL_CHARACTERS.test(text)) return 'contains a control character'
  if (UNPAIRED_SURROGATE.test(text)) return 'contains an unpaired surrogate (not valid Unicode)'
  return undefined
}
