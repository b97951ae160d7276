import { isIsoDate } from '../../domain/calendar.ts'
import { formatLetterDate } from '../../domain/uk-dates.ts'

// The merge fields a letter template may name: a closed list, so a template that names anything
// else is refused when it is saved (checkTemplate), and every field says how the officer supplies
// it when the matter does not. Dates are held as 'YYYY-MM-DD' and printed "7 December 2026".

export type MergeFieldKind = 'text' | 'multiline' | 'date'
export type MergeFieldInfo = { label: string; kind: MergeFieldKind; hint?: string }

export const mergeFields = {
  'letter.date': { label: 'Date of the letter', kind: 'date' },
  'matter.reference': { label: 'Our reference', kind: 'text' },
  'matter.address': { label: 'Where the problem happens', kind: 'text' },
  'matter.reportedOn': { label: 'Date it was reported', kind: 'date' },
  'complainant.name': { label: 'Name of the person who reported it', kind: 'text' },
  'recipient.name': { label: 'Name of the person the letter is to', kind: 'text' },
  'recipient.address': {
    label: 'Their postal address',
    kind: 'multiline',
    hint: 'One line per line of the address, with the postcode.',
  },
  'officer.name': { label: 'Your name', kind: 'text' },
  'officer.phone': { label: 'Your phone number', kind: 'text', hint: "The team's number, unless you give your own." },
  'council.name': { label: "The council's name", kind: 'text' },
  'council.team': { label: "The team's name", kind: 'text' },
  'council.address': { label: "The council's address", kind: 'multiline' },
  'council.phone': { label: "The council's phone number", kind: 'text' },
  'council.email': { label: "The council's e-mail address", kind: 'text' },
  'council.website': { label: "The council's website", kind: 'text' },
  'feedback.link': { label: 'Where to give feedback', kind: 'text' },
  'reply.by': { label: 'Date to get in touch by', kind: 'date' },
  'diary.reviewOn': { label: 'Date the diary sheets are reviewed', kind: 'date' },
  diaryLink: {
    label: 'The private diary link',
    kind: 'text',
    hint: 'The link made when the diary sheets are issued by private link.',
  },
  'warning.conduct': {
    label: 'The behaviour that must stop',
    kind: 'multiline',
    hint: 'What they did, where and when, in plain words: for example "playing loud music at 3 Elm Road after 11pm".',
  },
  'warning.complyBy': { label: 'Date by which it must stop', kind: 'date' },
  'closure.reason': { label: 'Why the matter is closing', kind: 'multiline' },
  'closure.rationale': { label: 'What we found', kind: 'multiline' },
} as const satisfies Record<string, MergeFieldInfo>

export type MergeField = keyof typeof mergeFields
export const mergeFieldNames = Object.keys(mergeFields) as MergeField[]

export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(mergeFields, name)
}

/** Values for some of the fields; a date field's value is 'YYYY-MM-DD'. */
export type MergeValues = Partial<Record<MergeField, string>>

/** '2026-12-07' → "7 December 2026", as a letter writes a date. Undefined for anything else. */
export function letterDate(iso: string): string | undefined {
  return isIsoDate(iso) ? formatLetterDate(iso) : undefined
}
