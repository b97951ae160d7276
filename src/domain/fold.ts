import { withCorrections } from './corrections.ts'
import { dueAutomaticClosure } from './deadlines.ts'
import type { DomainEvent, EventOf, EventType } from './events.ts'
import type { MatterState } from './matter-state.ts'
import { partyById } from './matter-state.ts'
import { laterPhase } from './phases.ts'
import { matterReference } from './reference.ts'

// fold(events) → the matter's state. Pure and deterministic: the same events in the same order
// always give the same state, on every device and on the server. The order is the caller's: the
// server's `seq`, then the device's own pending events in the order they were recorded.
//
// Events are facts that were accepted: fold applies them without re-checking the rules
// (that is `checkEvent`'s job before an event is recorded) and never throws on a valid event.

type Applier<T extends EventType> = (s: MatterState, e: EventOf<T>) => void

function isWithComplainant(s: MatterState, method: string, partyId: string | undefined): boolean {
  if (method === 'agency_liaison') return false
  if (!partyId) return true
  const role = partyById(s, partyId)?.role
  return role === 'complainant' || role === 'victim'
}

function noteReport(s: MatterState, at: string): void {
  if (!s.lastReportAt || at > s.lastReportAt) s.lastReportAt = at
}

function recordRisk(s: MatterState, e: EventOf<'caseRecordCreated' | 'riskAssessed'>): void {
  const recorded = { ...e.payload.riskAssessment, eventId: e.id, at: e.occurredAt, assessorId: e.actorId }
  s.risk.history.push(recorded)
  s.risk.current = recorded
}

function closeMatter(s: MatterState, at: string, reason: MatterState['closure']['reason']): void {
  s.phaseBeforeClosure = s.phase === 'closure_requested' ? s.phaseBeforeClosure : s.phase
  s.phase = 'closed'
  s.closure.closedAt = at
  s.closure.reason = reason
}

/**
 * R4, R5: an automatic closure is in force from the end of its last day, whether or not the
 * server has written it yet. Before a fact dated `at` is applied, a clock that ran out before it
 * closes the matter, so every device and the server give the same answer whenever each syncs
 * (DOMAIN.md "Where the dates and the people must agree"). Returns whether it closed the matter.
 */
export function closeIfDue(s: MatterState, at: string): boolean {
  const due = dueAutomaticClosure(s, at)
  if (!due) return false
  closeMatter(s, due.closesAt, due.reason)
  s.closure.automatic = true
  s.closure.deadline = due.deadline
  s.closure.recorded = false
  return true
}

/** The matter as it stands at `at`: with any automatic closure then in force. `s` is not changed. */
export function stateAt(s: MatterState, at: string): MatterState {
  if (!dueAutomaticClosure(s, at)) return s
  const copy = structuredClone(s)
  closeIfDue(copy, at)
  return copy
}

/**
 * R4, R5: a fact that happened before an automatic closure's instant stops its clock even when it
 * reaches the server after the closure was written (a call taken on day 9, synced on day 11): the
 * closure is void and the matter is where it was, as if the fact had synced in time.
 */
function voidAutomaticClosure(s: MatterState, at: string, reason: 'no_contact' | 'no_evidence'): void {
  if (s.phase !== 'closed' || !s.closure.automatic || s.closure.reason !== reason) return
  if (!s.closure.closedAt || at >= s.closure.closedAt) return
  s.phase = s.phaseBeforeClosure ?? 'enquiry'
  s.phaseBeforeClosure = null
  s.closure = { ...emptyClosure(), lastRejection: s.closure.lastRejection }
}

const appliers: { [T in EventType]: Applier<T> } = {
  reportReceived: () => undefined, // handled by `initialState`
  reportLinked: (s, e) => {
    s.linkedReports += 1
    noteReport(s, e.payload.receivedAt)
    if (e.payload.reporter && !partyById(s, e.payload.reporter.partyId)) {
      s.parties.push({ ...e.payload.reporter, role: 'witness' })
    }
  },
  matterAssigned: (s, e) => {
    s.assignedOfficerId = e.payload.officerId
  },
  matterDetailsUpdated: (s, e) => {
    // A field edited on two devices: the later event (in the server's order) wins.
    if (e.payload.location) s.location = e.payload.location
    if (e.payload.category) s.category = e.payload.category
    if (e.payload.description) s.description = e.payload.description
  },
  partyAdded: (s, e) => {
    const at = s.parties.findIndex((p) => p.partyId === e.payload.partyId)
    if (at >= 0) s.parties[at] = e.payload
    else s.parties.push(e.payload)
  },
  thresholdAssessed: (s, e) => {
    s.threshold = { ...e.payload, at: e.occurredAt }
    // R2: threshold not met → the enquiry closes.
    if (!e.payload.met) closeMatter(s, e.occurredAt, 'insufficient_information')
  },
  neighbourAdviceGiven: (s, e) => {
    s.neighbourAdvice = e.payload
  },
  contactAttempted: (s, e) => {
    if (s.contact.established || e.payload.method !== 'phone') return
    if (!isWithComplainant(s, e.payload.method, e.payload.partyId)) return
    s.contact.failedPhoneAttempts += 1
    if (s.contact.failedPhoneAttempts === 3) s.contact.thirdFailedAttemptAt = e.occurredAt
  },
  contactMade: (s, e) => {
    if (!isWithComplainant(s, e.payload.method, e.payload.partyId)) return
    // R4: any successful contact stops the clock, even one that reached the server late.
    voidAutomaticClosure(s, e.occurredAt, 'no_contact')
    s.contact.established = true
    if (!s.contact.lastContactAt || e.occurredAt > s.contact.lastContactAt) s.contact.lastContactAt = e.occurredAt
  },
  contactLetterSent: (s, e) => {
    s.contact.letterSentOn = e.payload.sentOn
  },
  diarySheetsIssued: (s, e) => {
    // R5: the 42 days run from the first issue; a new copy (lost, another way) does not restart them.
    const first = s.diary.sheetsIssuedOn
    if (!first || e.payload.issuedOn < first) s.diary.sheetsIssuedOn = e.payload.issuedOn
    s.phase = laterPhase(s.phase, 'evidence')
    const link = e.payload.link
    if (link) {
      const links = (s.diary.links ??= [])
      const partyId = link.partyId ? { partyId: link.partyId } : {}
      links.push({ linkId: link.linkId, ...partyId, issuedOn: e.payload.issuedOn, revokedAt: null })
    }
  },
  diaryEntryRecorded: (s, e) => {
    s.diary.entries += 1
    if (e.payload.recordsAsb) {
      voidAutomaticClosure(s, e.occurredAt, 'no_evidence')
      s.diary.asbEntries += 1
    }
    noteReport(s, e.payload.happenedAt)
  },
  diaryLinkRevoked: (s, e) => {
    const link = s.diary.links?.find((l) => l.linkId === e.payload.linkId)
    if (link && link.revokedAt === null) link.revokedAt = e.occurredAt
  },
  evidenceAdded: (s, e) => {
    voidAutomaticClosure(s, e.occurredAt, 'no_evidence')
    s.evidence.push(e.payload)
  },
  matterClosed: (s, e) => {
    const { automatic, deadline } = e.payload
    // The system writes a closure that was already in force: it is the same closure, now recorded.
    if (automatic && s.phase === 'closed' && s.closure.automatic && s.closure.deadline === deadline) {
      s.closure.recorded = true
      return
    }
    closeMatter(s, e.occurredAt, e.payload.reason)
    s.closure.automatic = automatic
    s.closure.deadline = deadline ?? null
    s.closure.recorded = true
  },
  closureAdvised: (s, e) => {
    s.closure.complainantAdvisedOn = e.payload.advisedOn
  },
  caseRecordCreated: (s, e) => {
    s.caseCreatedAt = e.occurredAt
    s.phase = laterPhase(s.phase, 'case')
    recordRisk(s, e)
  },
  riskAssessed: (s, e) => {
    recordRisk(s, e)
  },
  riskChangeNoted: (s, e) => {
    s.risk.changeNotedAt = e.occurredAt
  },
  nextContactSet: (s, e) => {
    s.nextContactDueOn = e.payload.dueOn
    s.nextContactSetAt = e.occurredAt
  },
  actionSet: (s, e) => {
    s.actions.push({ ...e.payload, setAt: e.occurredAt, completed: null })
  },
  actionCompleted: (s, e) => {
    const action = s.actions.find((a) => a.actionId === e.payload.actionId)
    if (action) action.completed = { outcome: e.payload.outcome, at: e.occurredAt }
  },
  meetingHeld: (s, e) => {
    s.meetings.push(e.payload)
  },
  referralMade: (s, e) => {
    s.referrals.push({ ...e.payload, at: e.occurredAt })
  },
  informationRequested: (s, e) => {
    s.informationRequests.push(e.payload)
  },
  incidentRecorded: (s, e) => {
    noteReport(s, e.payload.happenedAt)
  },
  investigationStarted: (s, e) => {
    s.investigationStartedAt = e.occurredAt
    s.phase = laterPhase(s.phase, 'investigation')
  },
  interventionRecorded: (s, e) => {
    s.interventions.push({ ...e.payload, breaches: [] })
    s.phase = laterPhase(s.phase, 'intervention')
  },
  interventionBreached: (s, e) => {
    s.interventions.find((i) => i.interventionId === e.payload.interventionId)?.breaches.push(e.payload)
  },
  mediationOffered: (s, e) => {
    s.mediationOffers.push(e.payload)
  },
  legalDecisionRecorded: (s, e) => {
    s.legal.decisions.push({ ...e.payload, at: e.occurredAt })
  },
  legalStepTaken: (s, e) => {
    s.legal.steps.push({ ...e.payload, at: e.occurredAt, breaches: [], penalties: [] })
    s.phase = laterPhase(s.phase, 'legal')
  },
  legalStepDatesSet: (s, e) => {
    const step = s.legal.steps.find((st) => st.stepId === e.payload.stepId)
    if (!step) return
    const { stepId: _stepId, extendedToMonths, ...dates } = e.payload
    Object.assign(step, dates)
    if (extendedToMonths !== undefined && step.kind === 'closure_order') step.orderMonths = extendedToMonths
  },
  preApplicationRiskAssessed: (s, e) => {
    ;(s.legal.preApplicationAssessments ??= []).push({ ...e.payload, at: e.occurredAt })
  },
  legalStepBreached: (s, e) => {
    const step = s.legal.steps.find((st) => st.stepId === e.payload.stepId)
    if (step) (step.breaches ??= []).push(e.payload)
  },
  fixedPenaltyIssued: (s, e) => {
    const step = s.legal.steps.find((st) => st.stepId === e.payload.stepId)
    if (step) (step.penalties ??= []).push(e.payload)
  },
  closureRequested: (s, e) => {
    s.closure.request = { ...e.payload, requestedBy: e.actorId, at: e.occurredAt, fromPhase: s.phase }
    s.phaseBeforeClosure = s.phase
    s.phase = 'closure_requested'
  },
  closureApproved: (s, e) => {
    s.closure.approvedBy = e.actorId
    closeMatter(s, e.occurredAt, s.closure.request?.reason ?? null)
  },
  closureRejected: (s, e) => {
    // R16: a rejected request returns the case to the phase it came from.
    s.phase = s.closure.request?.fromPhase ?? s.phaseBeforeClosure ?? 'case'
    s.closure.lastRejection = { comment: e.payload.comment, by: e.actorId, at: e.occurredAt }
    s.closure.request = null
    s.phaseBeforeClosure = null
  },
  feedbackInvited: (s, e) => {
    s.feedback.invitedOn = e.payload.sentOn
  },
  feedbackReceived: (s, e) => {
    s.feedback.receivedOn = e.payload.receivedOn
  },
  // A record of what was shared: it changes nothing about where the matter stands.
  disclosureMade: () => undefined,
  matterReopened: (s) => {
    // R19 decision: a manager may reopen; the matter goes back to where it was before closing.
    s.phase = s.phaseBeforeClosure ?? 'case'
    s.phaseBeforeClosure = null
    s.reopenings += 1
    // R4, R5: the clock that closed it ran out. Left set, it would close the matter again at once,
    // with the same deadline and so the same event id; it restarts with a new letter or new sheets.
    if (s.closure.automatic && s.closure.reason === 'no_contact') s.contact.letterSentOn = null
    if (s.closure.automatic && s.closure.reason === 'no_evidence') s.diary.sheetsIssuedOn = null
    s.closure = { ...emptyClosure(), lastRejection: s.closure.lastRejection }
    s.feedback = { invitedOn: null, receivedOn: null }
  },
  entryCorrected: () => undefined, // applied up front by `withCorrections`
}

function emptyClosure(): MatterState['closure'] {
  return {
    request: null,
    lastRejection: null,
    closedAt: null,
    reason: null,
    automatic: false,
    deadline: null,
    recorded: false,
    approvedBy: null,
    complainantAdvisedOn: null,
  }
}

function initialState(e: EventOf<'reportReceived'>): MatterState {
  const p = e.payload
  return {
    id: e.matterId,
    reference: p.reference ?? matterReference(e.matterId),
    createdBy: e.actorId,
    createdAt: e.occurredAt,
    receivedAt: p.receivedAt,
    channel: p.channel,
    category: p.category,
    location: p.location,
    description: p.description,
    anonymous: p.anonymous,
    assignedOfficerId: null,
    phase: 'enquiry',
    phaseBeforeClosure: null,
    parties: p.complainant ? [{ ...p.complainant, role: 'complainant' }] : [],
    linkedReports: 0,
    threshold: null,
    neighbourAdvice: null,
    contact: {
      established: false,
      failedPhoneAttempts: 0,
      thirdFailedAttemptAt: null,
      letterSentOn: null,
      lastContactAt: null,
    },
    diary: { sheetsIssuedOn: null, entries: 0, asbEntries: 0, links: [] },
    evidence: [],
    lastReportAt: p.receivedAt,
    caseCreatedAt: null,
    risk: { current: null, history: [], changeNotedAt: null },
    nextContactDueOn: null,
    nextContactSetAt: null,
    actions: [],
    referrals: [],
    meetings: [],
    informationRequests: [],
    investigationStartedAt: null,
    interventions: [],
    mediationOffers: [],
    legal: { decisions: [], steps: [], preApplicationAssessments: [] },
    closure: emptyClosure(),
    feedback: { invitedOn: null, receivedOn: null },
    reopenings: 0,
    eventCount: 0,
    updatedAt: e.recordedAt,
  }
}

/**
 * The state after one more event, without re-reading the history: the device store uses it to
 * keep its read tables current as it records. A correction changes an earlier entry, so it
 * needs the whole history: `evolve` returns null and the caller folds again.
 */
export function evolve(state: MatterState | null, event: DomainEvent): MatterState | null {
  if (!state || event.type === 'entryCorrected') return evolveOwned(state, event)
  if (event.matterId !== state.id) return state
  return evolveOwned(structuredClone(state), event)
}

/**
 * `evolve` for a caller that owns `state` (just read from storage, or folded) and no longer needs
 * it as it was: the event is applied to the object itself. Copying a matter's state for every
 * event was the largest cost of a push and of a first sync (issue 5). Appliers never change an
 * object taken from an event's payload, so the state can share them.
 */
export function evolveOwned(state: MatterState | null, event: DomainEvent): MatterState | null {
  if (event.type === 'entryCorrected') return null
  if (!state) return event.type === 'reportReceived' ? fold([event]) : null
  if (event.matterId !== state.id) return state
  state.eventCount += 1
  if (event.recordedAt > state.updatedAt) state.updatedAt = event.recordedAt
  if (event.type !== 'reportReceived') apply(state, event)
  return state
}

/**
 * The state of a matter from its events, or null when there is no report to start from
 * (events of a matter whose first report has not arrived yet are not lost: they are folded
 * as soon as it does).
 */
export function fold(events: readonly DomainEvent[]): MatterState | null {
  const corrected = withCorrections(events)
  const first = corrected.find((e) => e.type === 'reportReceived')
  if (!first) return null
  const state = initialState(first)
  for (const event of corrected) {
    if (event.matterId !== state.id) continue
    state.eventCount += 1
    if (event.recordedAt > state.updatedAt) state.updatedAt = event.recordedAt
    if (event === first) continue
    apply(state, event)
  }
  return state
}

function apply(state: MatterState, event: DomainEvent): void {
  closeIfDue(state, event.occurredAt)
  ;(appliers[event.type] as Applier<EventType>)(state, event)
}

