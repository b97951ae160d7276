import type { SentLetter } from '../../domain/letter-sent.ts'
import { maxLetterChars } from '../../domain/letter-sent.ts'
import type { LetterTemplate } from './letter-template.ts'
import { placeholderPattern, placeholdersOf } from './letter-template.ts'
import type { MergeField, MergeValues } from './merge-fields.ts'
import { isMergeField, letterDate, mergeFields } from './merge-fields.ts'

// A template and its merge values → the letter's text. The frame around the template's words
// (who it is to, the date, our reference, the sign-off) is the same for every letter.

const letterFrame = (t: LetterTemplate) => `{{recipient.name}}
{{recipient.address}}

{{letter.date}}

Our reference: {{matter.reference}}

${t.subject}

${t.body}

Yours sincerely,

{{officer.name}}
Community Safety Officer, {{council.team}}
{{council.name}}
Phone: {{officer.phone}}
E-mail: {{council.email}}`

const emailFrame = (t: LetterTemplate) => `Subject: ${t.subject}

${t.body}

Kind regards,

{{officer.name}}
Community Safety Officer, {{council.team}}
{{council.name}}
Phone: {{officer.phone}}`

/** The whole letter with its placeholders, before any value is put in. */
export function letterSkeleton(template: LetterTemplate): string {
  return template.channel === 'email' ? emailFrame(template) : letterFrame(template)
}

/** The fields the letter needs, in the order they first appear. */
export function fieldsNeeded(template: LetterTemplate): MergeField[] {
  return placeholdersOf(letterSkeleton(template)).filter(isMergeField)
}

function display(field: MergeField, value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  return mergeFields[field].kind === 'date' ? letterDate(trimmed) : trimmed
}

/** A part of a drafted letter: words, or a field the officer still has to give. */
export type DraftPart = { text: string } | { missing: MergeField; label: string }

export type LetterDraft = {
  template: LetterTemplate
  /** The letter in parts, for a preview that marks what is missing. */
  parts: DraftPart[]
  /** Fields with no usable value: the officer is asked for each before the letter can go. */
  missing: MergeField[]
  /** The letter's text; complete only when nothing is missing. */
  text: string
}

/** Fills the template from the values; a field without a value (or with a date that is not one) is missing. */
export function draftLetter(template: LetterTemplate, values: MergeValues): LetterDraft {
  const skeleton = letterSkeleton(template)
  const parts: DraftPart[] = []
  const missing = new Set<MergeField>()
  let last = 0
  for (const match of skeleton.matchAll(placeholderPattern)) {
    const name = match[1] ?? ''
    parts.push({ text: skeleton.slice(last, match.index) })
    last = match.index + match[0].length
    const value = isMergeField(name) ? display(name, values[name]) : undefined
    if (value !== undefined) parts.push({ text: value })
    else if (isMergeField(name)) {
      missing.add(name)
      parts.push({ missing: name, label: mergeFields[name].label })
    } else parts.push({ text: match[0] })
  }
  parts.push({ text: skeleton.slice(last) })
  const text = parts.map((p) => ('text' in p ? p.text : `[${p.label}]`)).join('')
  return { template, parts, missing: [...missing], text }
}

/**
 * The last check before a letter leaves: nothing empty, no field left unfilled, and no
 * "undefined" or "null" where a value should be. Returns the problem, or null when it may go.
 */
export function finalTextProblem(text: string): string | null {
  if (text.trim() === '') return 'The letter is empty.'
  if (text.length > maxLetterChars) return `A letter must be ${maxLetterChars.toLocaleString('en-GB')} characters or fewer.`
  if (/\{\{|\}\}/.test(text)) return 'The letter still has a field in double braces: fill it in or take it out.'
  const unfilled = Object.values(mergeFields).find((f) => text.includes(`[${f.label}]`))
  if (unfilled) return `The letter still needs: ${unfilled.label.toLowerCase()}.`
  if (/\bundefined\b|\bnull\b|\bNaN\b/.test(text)) return 'The letter has a blank value ("undefined" or "null") in it: put in the right words.'
  return null
}

/** What a step records of the letter: the template it came from and the final words. */
export function sentLetter(template: LetterTemplate, text: string): SentLetter | { problem: string } {
  const problem = finalTextProblem(text)
  if (problem) return { problem }
  return { templateId: template.id, templateVersion: template.version, title: template.title, text: text.trim() }
}
