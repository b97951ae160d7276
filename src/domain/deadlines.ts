import type { IsoDate } from './calendar.ts'
import { addCalendarDays, addWorkingDays } from './calendar.ts'
import { endOfLondonDay } from './london-time.ts'
import type { MatterState } from './matter-state.ts'
import { isAssessment } from './phases.ts'

// The two automatic closures of Stage 1. Pure functions of the matter and the date, so every
// device shows the same deadline and the server records the same outcome (DOMAIN.md
// "Automatic steps").

export type AutomaticClosureDeadline = {
  rule: 'R4' | 'R5'
  reason: 'no_contact' | 'no_evidence'
  /** The last day on which the matter is still open. */
  deadline: IsoDate
  /** The instant it closes: the end of the deadline day in England. */
  closesAt: string
}

/** R4: ten working days from the day after the letter or e-mail was sent, with no contact since. */
export function contactDeadline(s: MatterState): AutomaticClosureDeadline | null {
  if (!isAssessment(s.phase) || s.anonymous || s.contact.established || !s.contact.letterSentOn) return null
  const deadline = addWorkingDays(s.contact.letterSentOn, 10)
  return { rule: 'R4', reason: 'no_contact', deadline, closesAt: endOfLondonDay(deadline) }
}

/** R5 decision: 42 calendar days from the day diary sheets were issued, with no ASB recorded and no evidence. */
export function evidenceDeadline(s: MatterState): AutomaticClosureDeadline | null {
  if (s.phase !== 'evidence' || !s.diary.sheetsIssuedOn) return null
  if (s.diary.asbEntries > 0 || s.evidence.length > 0) return null
  const deadline = addCalendarDays(s.diary.sheetsIssuedOn, 42)
  return { rule: 'R5', reason: 'no_evidence', deadline, closesAt: endOfLondonDay(deadline) }
}

/** The automatic closure that will come first, if any is running. */
export function nextAutomaticClosure(s: MatterState): AutomaticClosureDeadline | null {
  const running = [contactDeadline(s), evidenceDeadline(s)].filter((d) => d !== null)
  running.sort((a, b) => a.closesAt.localeCompare(b.closesAt))
  return running[0] ?? null
}

/** The automatic closure that has come due at `now`, if any. */
export function dueAutomaticClosure(s: MatterState, now: string): AutomaticClosureDeadline | null {
  const next = nextAutomaticClosure(s)
  return next && now >= next.closesAt ? next : null
}
