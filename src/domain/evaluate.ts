import type { IsoDate } from './calendar.ts'
import { addCalendarDays, addCalendarMonths, addWorkingDays } from './calendar.ts'
import type { AutomaticClosureDeadline } from './deadlines.ts'
import { dueAutomaticClosure, nextAutomaticClosure } from './deadlines.ts'
import { londonDate } from './london-time.ts'
import type { MatterState, RecordedRisk } from './matter-state.ts'
import { complainantContactable } from './matter-state.ts'
import { isLiveCase, isOpen } from './phases.ts'
import { riskContactIntervalDays } from './risk-matrix.ts'
import { caseClosureReasons } from './vocabulary-lists.ts'

// evaluate(state, now) → what is due on a matter: forward actions (R8), the due actions the
// procedure creates (R2, R4, R7, R11, R16, R19), the deadlines of automatic closures (R4, R5)
// and recommendations (R3). Overdue actions stay on the list as overdue, never dropped (R8).

export type DueActionKind =
  | 'advise_closure'
  | 'send_contact_letter'
  | 'next_contact'
  | 'risk_review'
  | 'marac_referral'
  | 'reports_stopped'
  | 'action'
  | 'agreement_review'
  | 'legal_date'
  | 'approve_closure'
  | 'invite_feedback'

export type DueAction = {
  /** Stable across evaluations, e.g. for React keys and the device's dueActions table. */
  key: string
  kind: DueActionKind
  rule: string
  title: string
  dueOn: IsoDate
  status: 'overdue' | 'due' | 'upcoming'
  /** Who acts on it: closure approvals wait for a manager (R16). */
  forRole: 'officer' | 'manager'
}

export type Recommendation = { rule: string; title: string; detail: string }

export type Evaluation = {
  today: IsoDate
  dueActions: DueAction[]
  recommendations: Recommendation[]
  automaticClosure: AutomaticClosureDeadline | null
  automaticClosureDue: AutomaticClosureDeadline | null
}

type Draft = Omit<DueAction, 'status' | 'forRole'> & { forRole?: DueAction['forRole'] }

const day = londonDate

/** R8: when the victim should next be contacted. */
export function nextContactDue(s: MatterState): IsoDate | null {
  if (!isLiveCase(s.phase) || !s.caseCreatedAt) return null
  const lastContact = s.contact.lastContactAt
  const from = lastContact && lastContact > s.caseCreatedAt ? lastContact : s.caseCreatedAt
  // R7, R8: the interval of the highest level assessed since the last contact. A lower level at a
  // re-assessment never pulls an earlier date later; it applies from the next contact on.
  const since = s.risk.history.filter((r) => r.at >= from)
  const levels = since.length > 0 ? since.map((r) => r.level) : [s.risk.current?.level ?? 'standard']
  const interval = Math.min(...levels.map((level) => riskContactIntervalDays[level]))
  const byLevel = addCalendarDays(day(from), interval)
  if (!s.nextContactDueOn || (lastContact && (s.nextContactSetAt ?? '') < lastContact)) return byLevel
  // The officer's date wins, except that an assessment at the high level after it was set brings
  // the contact to at most 7 days after that assessment (DOMAIN.md, R7 and R8), and a lower level
  // assessed later does not move it back.
  const setAt = s.nextContactSetAt ?? ''
  const high = s.risk.history.find((r) => r.level === 'high' && r.at > setAt)
  if (high) {
    const cap = addCalendarDays(day(high.at), riskContactIntervalDays.high)
    return s.nextContactDueOn < cap ? s.nextContactDueOn : cap
  }
  return s.nextContactDueOn
}

/** R8: three calendar months after the last assessment, or at once after a significant change. */
export function riskReviewDue(s: MatterState): IsoDate | null {
  const current = s.risk.current
  if (!isLiveCase(s.phase) || !current) return null
  if (s.risk.changeNotedAt && s.risk.changeNotedAt > current.at) return day(s.risk.changeNotedAt)
  return addCalendarMonths(day(current.at), 3)
}

/** R7: the assessment at which the level most recently became high, if it is high now. */
function becameHigh(history: readonly RecordedRisk[]): RecordedRisk | null {
  let since: RecordedRisk | null = null
  for (const r of history) since = r.level === 'high' ? (since ?? r) : null
  return since
}

function maracReferral(s: MatterState): Draft | null {
  if (!isLiveCase(s.phase)) return null
  const high = becameHigh(s.risk.history)
  if (!high) return null
  const referred =
    s.referrals.some((r) => r.to === 'marac' && r.at >= high.at) ||
    s.meetings.some((m) => m.kind === 'marac' && m.heldOn >= day(high.at))
  if (referred) return null
  return {
    key: `R7:marac:${high.eventId}`,
    kind: 'marac_referral',
    rule: 'R7',
    title: 'Refer to the multi-agency risk meeting (high risk)',
    dueOn: addWorkingDays(day(high.at), 5),
  }
}

/** R11 decision: 28 calendar days with no incident or diary entry on a live case. */
function reportsStopped(s: MatterState): Draft | null {
  if (!isLiveCase(s.phase) || !s.caseCreatedAt) return null
  const marks = [s.lastReportAt, s.caseCreatedAt, s.risk.current?.at].filter((m) => m != null)
  const since = marks.reduce((a, b) => (a > b ? a : b))
  return {
    key: `R11:reports-stopped:${since}`,
    kind: 'reports_stopped',
    rule: 'R11',
    title: 'Reports have stopped: re-assess risk and consider closure for lack of evidence',
    dueOn: addCalendarDays(day(since), 28),
  }
}

function stage1Actions(s: MatterState): Draft[] {
  const out: Draft[] = []
  // R4: three unsuccessful phone attempts → write or e-mail to encourage contact.
  if (
    s.phase !== 'closed' &&
    !s.caseCreatedAt &&
    !s.anonymous &&
    !s.contact.established &&
    s.contact.thirdFailedAttemptAt &&
    !s.contact.letterSentOn
  ) {
    out.push({
      key: 'R4:send-letter',
      kind: 'send_contact_letter',
      rule: 'R4',
      title: 'Send a letter or e-mail encouraging contact (three calls unanswered)',
      dueOn: day(s.contact.thirdFailedAttemptAt),
    })
  }
  // R2: a Stage 1 closure is explained to a known complainant (not after R4's no-contact closure:
  // there is no one to reach).
  const reason = s.closure.reason
  if (
    s.phase === 'closed' &&
    s.closure.closedAt &&
    !s.caseCreatedAt &&
    reason !== 'no_contact' &&
    complainantContactable(s) &&
    !s.closure.complainantAdvisedOn
  ) {
    out.push({
      key: 'R2:advise-closure',
      kind: 'advise_closure',
      rule: 'R2',
      title: 'Advise the complainant that the enquiry has closed, and why',
      dueOn: addWorkingDays(day(s.closure.closedAt), 2),
    })
  }
  return out
}

function caseActions(s: MatterState): Draft[] {
  const out: Draft[] = []
  const contact = nextContactDue(s)
  if (contact) {
    out.push({ key: 'R8:next-contact', kind: 'next_contact', rule: 'R8', title: 'Contact the victim', dueOn: contact })
  }
  const review = riskReviewDue(s)
  if (review) {
    out.push({ key: 'R8:risk-review', kind: 'risk_review', rule: 'R8', title: 'Re-assess the risk', dueOn: review })
  }
  const marac = maracReferral(s)
  if (marac) out.push(marac)
  const stopped = reportsStopped(s)
  if (stopped) out.push(stopped)
  return out
}

function plannedActions(s: MatterState, today: IsoDate): Draft[] {
  if (!isOpen(s.phase)) return []
  const out: Draft[] = s.actions
    .filter((a) => !a.completed)
    .map((a) => ({ key: `R9:action:${a.actionId}`, kind: 'action', rule: 'R9', title: a.what, dueOn: a.dueOn }))
  // R12 and R14: the next key date of each agreement and legal step, while it is ahead.
  if (isLiveCase(s.phase) || s.phase === 'closure_requested') {
    for (const i of s.interventions) {
      if (i.reviewOn && i.reviewOn >= today) {
        out.push({
          key: `R12:review:${i.interventionId}`,
          kind: 'agreement_review',
          rule: 'R12',
          title: 'Review the agreement',
          dueOn: i.reviewOn,
        })
      }
    }
    for (const step of s.legal.steps) {
      const dates = [
        ['Serve', step.servedOn],
        ['Hearing', step.hearingOn],
        ['Review', step.reviewOn],
        ['Expiry', step.expiresOn],
      ] as const
      const next = dates.filter(([, d]) => d && d >= today).sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? ''))[0]
      if (next?.[1]) {
        out.push({
          key: `R14:${step.stepId}:${next[0]}`,
          kind: 'legal_date',
          rule: 'R14',
          title: `${next[0]}: ${step.kind.replace(/_/g, ' ')}`,
          dueOn: next[1],
        })
      }
    }
  }
  return out
}

function closureActions(s: MatterState): Draft[] {
  const out: Draft[] = []
  if (s.phase === 'closure_requested' && s.closure.request) {
    out.push({
      key: 'R16:approve-closure',
      kind: 'approve_closure',
      rule: 'R16',
      title: 'Decide on the closure request',
      dueOn: day(s.closure.request.at),
      forRole: 'manager',
    })
  }
  // R19: after a case closes, invite the victim's feedback where contact is possible.
  const closedCase = (caseClosureReasons as readonly string[]).includes(s.closure.reason ?? '')
  if (s.phase === 'closed' && closedCase && s.closure.closedAt && complainantContactable(s) && !s.feedback.invitedOn) {
    out.push({
      key: 'R19:invite-feedback',
      kind: 'invite_feedback',
      rule: 'R19',
      title: 'Invite the victim to give feedback',
      dueOn: addWorkingDays(day(s.closure.closedAt), 5),
    })
  }
  return out
}

function recommendations(s: MatterState): Recommendation[] {
  const out: Recommendation[] = []
  const t = s.threshold
  // R3: neighbour-to-neighbour only, low level, not yet spoken → encourage them to talk first.
  if (s.phase === 'enquiry' && t?.met && t.neighbourOnly && t.lowLevel && !t.neighboursHaveSpoken && !s.neighbourAdvice) {
    out.push({
      rule: 'R3',
      title: 'Encourage the complainant to speak to their neighbour',
      detail: "Share the council's 10 tips on speaking to your neighbours, then record that the advice was given.",
    })
  }
  return out
}

function statusOf(dueOn: IsoDate, today: IsoDate): DueAction['status'] {
  if (dueOn < today) return 'overdue'
  return dueOn === today ? 'due' : 'upcoming'
}

export function evaluate(s: MatterState, now: string): Evaluation {
  const today = day(now)
  const drafts = [...stage1Actions(s), ...caseActions(s), ...plannedActions(s, today), ...closureActions(s)]
  const dueActions = drafts
    .map((d) => ({ ...d, forRole: d.forRole ?? 'officer', status: statusOf(d.dueOn, today) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.key.localeCompare(b.key))
  return {
    today,
    dueActions,
    recommendations: recommendations(s),
    automaticClosure: nextAutomaticClosure(s),
    automaticClosureDue: dueAutomaticClosure(s, now),
  }
}
