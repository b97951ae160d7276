import { z } from 'zod'
import { sha256Schema } from './files.ts'
import type { DomainEvent } from './events.ts'
import type { MatterState } from './matter-state.ts'
import { shortText, storableString } from './primitives.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'

// Issue 13 "Paper out": a step that sends a letter keeps the letter as it went out, so what was
// sent is what the chronology shows, whatever later happens to the template it came from.

/** A letter is one or two pages; a bound far above that keeps one record from filling a device. */
export const maxLetterChars = 50_000

export const sentLetterSchema = z.object({
  templateId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Not a letter template id.' })
    .max(100),
  templateVersion: z.int().min(1),
  /** The template's title when it was used, so the chronology reads the same after the template changes. */
  title: shortText('The letter title'),
  // Storable as well as bounded (issue 14): a lone surrogate or NUL is refused here, with a reason.
  text: storableString('The letter')
    .trim()
    .min(1, { error: 'The letter is empty.' })
    .max(maxLetterChars, { error: `A letter must be ${maxLetterChars.toLocaleString('en-GB')} characters or fewer.` }),
  /** The SHA-256 of the PDF, when the letter was also kept as a file (DESIGN.md, file protocol). */
  sha256: sha256Schema.optional(),
})
export type SentLetter = z.infer<typeof sentLetterSchema>

/** Every step that sends a letter carries it as this optional field. */
export const withLetter = { letter: sentLetterSchema.optional() }

/** The steps of the procedure that send a letter: their events carry `letter`. */
export const letterStepTypes = [
  'neighbourAdviceGiven',
  'contactLetterSent',
  'diarySheetsIssued',
  'closureAdvised',
  'interventionRecorded',
  'legalStepTaken',
  'closureRequested',
  'feedbackInvited',
] as const
export type LetterStepType = (typeof letterStepTypes)[number]

export function sendsLetter(type: string): type is LetterStepType {
  return (letterStepTypes as readonly string[]).includes(type)
}

/** The steps whose letter goes to the person who reported it; the others go to the party they are for. */
export const complainantLetterSteps = [
  'neighbourAdviceGiven',
  'contactLetterSent',
  'diarySheetsIssued',
  'closureAdvised',
  'closureRequested',
  'feedbackInvited',
] as const

/** R1: an anonymous report keeps no contact details, so no letter to its complainant can be made. */
export function anonymousLetterRefusal(state: Pick<MatterState, 'anonymous'>): Refusal | null {
  return state.anonymous
    ? refuse(
        'anonymous_letter',
        'This report was made anonymously: there is no one to write to, and no contact details are kept.',
        'R1',
      )
    : null
}

/** R1: a step may carry a letter to the complainant only when there is a complainant to write to. */
export function letterRefusal(state: MatterState, event: DomainEvent): Refusal | null {
  const payload = event.payload as { letter?: SentLetter }
  if (!payload.letter) return null
  return (complainantLetterSteps as readonly string[]).includes(event.type) ? anonymousLetterRefusal(state) : null
}
