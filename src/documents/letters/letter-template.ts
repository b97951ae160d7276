import { z } from 'zod'
import { letterStepTypes } from '../../domain/letter-sent.ts'
import { isMergeField } from './merge-fields.ts'

// A letter template as data: what an admin will edit on the settings screen (issue 16). It
// names the step(s) it serves, who it goes to and how, and its words with {{merge.fields}}.

export const letterTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'An id is lower-case words joined by hyphens.' }).max(100),
  version: z.int().min(1),
  title: z.string().trim().min(1, { error: 'Give the template a title.' }).max(200),
  /** The rule ids it serves, as officers see them beside the step ("R4"). */
  rules: z.array(z.string().regex(/^(R\d+|s\d+)$/)).min(1),
  /** The steps it serves; `when` narrows to a choice made in the step's form (e.g. the kind of intervention). */
  serves: z
    .array(z.object({ step: z.enum(letterStepTypes), when: z.record(z.string(), z.string()).optional() }))
    .min(1, { error: 'Say which step the letter serves.' }),
  /** The complainant, or a party the step is for (the alleged perpetrator of a warning). */
  recipient: z.enum(['complainant', 'party']),
  channel: z.enum(['letter', 'email']),
  subject: z.string().trim().min(1, { error: 'Give the letter a subject.' }).max(300),
  body: z.string().trim().min(1, { error: 'The letter has no words.' }).max(40_000),
})
export type LetterTemplate = z.infer<typeof letterTemplateSchema>

/** `{{ name }}`: a field name is letters, digits and dots. */
export const placeholderPattern = /\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}/g

/** The field names a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))]
}

export type TemplateCheck = { ok: true; template: LetterTemplate } | { ok: false, problems: string[] }

/**
 * Whether a template may be saved: valid as data, every {{field}} one of the merge fields, and
 * no stray braces that would print as they are. Problems are sentences an admin can act on.
 */
export function checkTemplate(input: unknown): TemplateCheck {
  const parsed = letterTemplateSchema.safeParse(input)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'template'}: ${i.message}`) }
  const template = parsed.data
  const problems: string[] = []
  for (const [part, text] of [['subject', template.subject], ['body', template.body]] as const) {
    for (const name of placeholdersOf(text)) {
      if (!isMergeField(name)) problems.push(`The ${part} names a field that does not exist: {{${name}}}.`)
    }
    const leftover = text.replace(placeholderPattern, '')
    if (leftover.includes('{{') || leftover.includes('}}')) {
      problems.push(`The ${part} has braces that are not a field: write a field as {{council.name}}.`)
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template }
}
