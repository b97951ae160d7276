import type { IsoDate } from '../../domain/calendar.ts'
import { addCalendarDays, addWorkingDays, isIsoDate } from '../../domain/calendar.ts'
import type { CouncilDetails } from '../../domain/council-details.ts'
import { londonDate } from '../../domain/london-time.ts'
import type { MatterState, Party } from '../../domain/matter-state.ts'
import { complainant, partyById } from '../../domain/matter-state.ts'
import { caseClosureReasons } from '../../domain/vocabulary-lists.ts'
import type { CaseClosureReason } from '../../domain/vocabulary-lists.ts'
import { closureReasonWords } from './closure-words.ts'
import type { LetterTemplate } from './letter-template.ts'
import type { MergeValues } from './merge-fields.ts'

// The merge values a matter and the step being recorded supply. Whatever they cannot supply is
// left out, and the officer is asked for it: a letter never goes out with an empty field.

/** What the step's form says so far, where a letter depends on it. */
export type StepFacts = {
  /** The date the step gives for sending (sentOn, givenOn, issuedOn…): the letter's date. */
  sentOn?: string
  complyBy?: string
  /** Who the step is for (interventions, legal steps): the first is the default recipient. */
  partyIds?: readonly string[]
  closureReason?: string
}

export type LetterContext = {
  state: MatterState
  council: CouncilDetails
  officer: { name: string; phone?: string }
  today: IsoDate
  step: StepFacts
  /** The party a "party" letter goes to, when the officer chose one. */
  recipientPartyId?: string
  /** The private diary link, when the diary sheets are issued by link (another flow makes it). */
  diaryLink?: string
}

const dateOf = (value: string | undefined) => (value && isIsoDate(value) ? value : undefined)

function recipientOf(template: LetterTemplate, ctx: LetterContext): Party | undefined {
  if (template.recipient === 'complainant') return complainant(ctx.state)
  const id = ctx.recipientPartyId ?? ctx.step.partyIds?.[0]
  return id ? partyById(ctx.state, id) : undefined
}

function closureReason(ctx: LetterContext): string | undefined {
  const chosen = ctx.step.closureReason
  if (chosen && (caseClosureReasons as readonly string[]).includes(chosen)) return closureReasonWords[chosen as CaseClosureReason]
  return ctx.state.closure.reason ? closureReasonWords[ctx.state.closure.reason] : undefined
}

/** The values this matter and step give the template's fields; missing ones are absent. */
export function letterValues(template: LetterTemplate, ctx: LetterContext): MergeValues {
  const { state, council } = ctx
  const letterDay = dateOf(ctx.step.sentOn) ?? ctx.today
  const recipient = recipientOf(template, ctx)
  const values: MergeValues = {
    'letter.date': letterDay,
    'matter.reference': state.reference,
    'matter.address': state.location.address,
    'matter.reportedOn': londonDate(state.receivedAt),
    'complainant.name': complainant(state)?.name,
    'recipient.name': recipient?.name,
    'recipient.address': recipient?.contact?.address,
    'officer.name': ctx.officer.name,
    // Decision: the staff directory has no phone numbers; letters give the team's line unless
    // the officer types their own.
    'officer.phone': ctx.officer.phone ?? council.phone,
    'council.name': council.name,
    'council.team': council.team,
    'council.address': council.address.join('\n'),
    'council.phone': council.phone,
    'council.email': council.email,
    'council.website': council.website,
    'feedback.link': council.feedbackUrl,
    // R4: ten working days from the day after sending, so the reply is due by the tenth.
    'reply.by': addWorkingDays(letterDay, 10),
    // R5: six weeks (42 days) from the first issue of diary sheets; issuing again keeps the date.
    'diary.reviewOn': addCalendarDays(state.diary.sheetsIssuedOn ?? letterDay, 42),
    diaryLink: ctx.diaryLink,
    'warning.complyBy': dateOf(ctx.step.complyBy),
    'closure.reason': closureReason(ctx),
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''))
}
