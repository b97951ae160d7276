import type { MatterState } from '../../domain/matter-state.ts'
import type { Refusal } from '../../domain/refusal.ts'
import { anonymousLetterRefusal } from '../../domain/letter-sent.ts'
import type { LetterTemplate } from './letter-template.ts'
import type { LetterTemplateSet } from './templates/letter-templates.ts'

// Which letters a step offers, given what its form says so far (the kind of intervention, letter
// or e-mail), and whether any letter can be made on this matter at all.

export function templatesFor(set: LetterTemplateSet, stepId: string, values: Record<string, unknown>): LetterTemplate[] {
  return set.templates.filter((t) =>
    t.serves.some((s) => s.step === stepId && Object.entries(s.when ?? {}).every(([field, wanted]) => values[field] === wanted)),
  )
}

/** Does any template serve this step, whatever the form says? (Shows the "Write the letter" button.) */
export function stepSendsLetters(set: LetterTemplateSet, stepId: string): boolean {
  return set.templates.some((t) => t.serves.some((s) => s.step === stepId))
}

/** R1: why this letter cannot be made on this matter, or null when it can. */
export function letterNotPossible(template: LetterTemplate, state: MatterState): Refusal | null {
  return template.recipient === 'complainant' ? anonymousLetterRefusal(state) : null
}
