import type { z } from 'zod'

// zod's default messages are written for developers ("Invalid input: expected string, received
// undefined"). Officers and members of the public read these instead. Installed once by each
// entry point with `z.config({ customError: plainEnglishErrors })`.
export const plainEnglishErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This is required.'
  if (issue.code === 'invalid_type') return 'This is not the right kind of answer.'
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return 'Choose one of the options.'
  if (issue.code === 'too_small' && issue.origin === 'array') return 'Choose at least one.'
  if (issue.code === 'too_big' && issue.origin === 'string') return `Keep this to ${String(issue.maximum)} characters or fewer.`
  if (issue.code === 'unrecognized_keys') return 'The entry has fields it should not have.'
  return undefined
}
