import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { automaticClosureEvent } from '../../src/domain/automatic-closure.ts'
import { addCalendarDays } from '../../src/domain/calendar.ts'
import type { DomainEvent } from '../../src/domain/events.ts'
import { evaluate } from '../../src/domain/evaluate.ts'
import { evolve, evolveOwned, fold } from '../../src/domain/fold.ts'
import type { MatterState } from '../../src/domain/matter-state.ts'
import { riskLevels } from '../../src/domain/risk-matrix.ts'
import { caseClosureReasons, interventionKinds } from '../../src/domain/vocabulary-lists.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import { riskAssessment } from './support/risk-assessment.ts'
import { aMatter, manager, officer, RefusedStep, system } from './support/matter-builder.ts'

// Random histories that the rules accept: a random walk through the steps an officer, a manager
// and the system can take, where a step `checkEvent` refuses is skipped (it never happened).
// Whatever the walk, fold must be a pure function of the events.

type Step = (m: MatterBuilder, n: number) => unknown

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T
const firstOpen = (m: MatterBuilder) =>
  m.state().actions.find((a) => !a.completed)?.actionId ?? m.id()
const anyIntervention = (m: MatterBuilder) => m.state().interventions[0]?.interventionId ?? m.id()

/** The next step forward from the matter's phase, so random walks reach every stage. */
const advance: Step = (m, n) => {
  const s = m.state()
  switch (s.phase) {
    case 'enquiry':
      if (s.assignedOfficerId === null) return m.assigned()
      return s.threshold?.met ? m.diarySheetsIssued() : m.thresholdMet()
    case 'evidence':
      return s.diary.asbEntries > 0 ? m.caseCreated({ level: pick(riskLevels, n) }) : m.diaryEntry()
    case 'case':
      return m.investigationStarted()
    case 'investigation':
      return m.intervention('warning_letter', { complyBy: m.today })
    case 'intervention':
      return s.legal.decisions.length > 0 ? steps['legalStep']?.(m, n) : m.legalDecision()
    case 'legal':
      return m.closureRequested(pick(['not_asb', 'asb_stopped_low_risk'] as const, n))
    case 'closure_requested':
      return m.as(manager).closureApproved()
    case 'closed':
      return m.as(manager).reopened()
  }
}

const steps: Record<string, Step> = {
  advance,
  later: (m, n) => m.later(n % 45),
  thresholdMet: (m, n) =>
    m.thresholdMet({
      neighbourOnly: n % 2 === 0,
      lowLevel: true,
      neighboursHaveSpoken: n % 3 === 0,
    }),
  thresholdNotMet: (m) => m.thresholdNotMet(),
  neighbourAdvice: (m) => m.record('neighbourAdviceGiven', { method: 'phone', givenOn: m.today }),
  phoneAttempt: (m) => m.withPhoneAttempts(1),
  contactMade: (m) => m.contactMade(),
  letterSent: (m) => m.letterSent(),
  diarySheets: (m) => m.diarySheetsIssued(),
  diaryEntry: (m, n) => m.diaryEntry({ recordsAsb: n % 3 !== 0 }),
  evidence: (m) => m.independentEvidence(),
  caseCreated: (m, n) => m.caseCreated({ level: pick(riskLevels, n) }),
  riskAssessed: (m, n) =>
    m.record('riskAssessed', { riskAssessment: riskAssessment(pick(riskLevels, n)) }),
  riskChanged: (m) => m.record('riskChangeNoted', { summary: 'Threats made at the door.' }),
  nextContact: (m, n) => m.record('nextContactSet', { dueOn: addCalendarDays(m.today, n % 30) }),
  actionSet: (m) =>
    m.record('actionSet', { actionId: m.id(), what: 'Visit', who: 'officer-1', dueOn: m.today }),
  actionCompleted: (m) => m.record('actionCompleted', { actionId: firstOpen(m), outcome: 'Done.' }),
  incident: (m) =>
    m.record('incidentRecorded', { happenedAt: m.now, summary: 'Shouting.', reportedBy: 'Victim' }),
  investigation: (m) => m.investigationStarted(),
  intervention: (m, n) =>
    m.intervention(pick(interventionKinds, n), {
      terms: 'No noise after 23:00.',
      reviewOn: m.today,
      complyBy: m.today,
    }),
  breach: (m) =>
    m.record('interventionBreached', {
      interventionId: anyIntervention(m),
      occurredOn: m.today,
      details: 'Music at 2am.',
    }),
  mediation: (m) => m.mediationOffered(),
  legalDecision: (m, n) => m.legalDecision({ consulted: n % 2 === 0 }),
  legalStep: (m) =>
    m.record('legalStepTaken', {
      kind: 'letter_before_action',
      stepId: m.id(),
      partyIds: [m.perpetratorId],
      hearingOn: m.today,
    }),
  closureRequested: (m, n) =>
    m.closureRequested(pick(caseClosureReasons, n), {
      mediationOutcome: 'declined',
      signposting: 'Citizens Advice.',
    }),
  approve: (m) => m.as(manager).closureApproved(),
  reject: (m) => m.as(manager).closureRejected(),
  closeEnquiry: (m) => m.record('matterClosed', { reason: 'withdrawn', rationale: 'Withdrawn.' }),
  automaticClosure: (m) => {
    const event = automaticClosureEvent(m.state(), m.now, 'server')
    return event && m.add(event, system)
  },
  feedbackInvited: (m) => m.record('feedbackInvited', { method: 'link', sentOn: m.today }),
  feedbackReceived: (m) =>
    m.record('feedbackReceived', { receivedOn: m.today, summary: 'Thanks.' }),
  reopen: (m) => m.as(manager).reopened(),
  correctDiary: (m, n) => {
    const entry = m.events.find((e) => e.type === 'diaryEntryRecorded')
    return (
      entry &&
      m.record('entryCorrected', {
        targetEventId: entry.id,
        reason: 'Typo.',
        changes: { recordsAsb: n % 2 === 0 },
      })
    )
  },
}

// Weighted so that most walks get past Stage 1: moving forward and letting time pass are common,
// the steps that end a matter early are rare.
const weight: Record<string, number> = {
  advance: 12,
  later: 4,
  thresholdNotMet: 1,
  closeEnquiry: 1,
}
const stepName = fc.oneof(
  ...Object.keys(steps).map((name) => ({
    arbitrary: fc.constant(name),
    weight: weight[name] ?? 2,
  })),
)
const history = fc.record({
  anonymous: fc.boolean(),
  walk: fc.array(fc.tuple(stepName, fc.nat(1_000)), { minLength: 1, maxLength: 80, size: 'max' }),
})

/** The events of one accepted history: each step is checked by the rules, and skipped if refused. */
function accepted({
  anonymous,
  walk,
}: {
  anonymous: boolean
  walk: [string, number][]
}): DomainEvent[] {
  const m = aMatter().reported({ anonymous }).withPerpetrator()
  for (const [name, n] of walk) {
    try {
      steps[name]?.(m, n)
    } catch (error) {
      if (!(error instanceof RefusedStep)) throw error
    }
    m.as(officer)
  }
  return m.events
}

const byIdOnce = (events: readonly DomainEvent[]) => [
  ...new Map(events.map((e) => [e.id, e])).values(),
]

describe('fold over random accepted histories', () => {
  it('is deterministic: the same events give the same state, also from a copy of them', () => {
    fc.assert(
      fc.property(history, (h) => {
        const events = accepted(h)
        expect(fold(events)).toEqual(fold(events))
        expect(fold(structuredClone(events))).toEqual(fold(events))
        expect(accepted(h)).toEqual(events)
      }),
    )
  })

  it('is unchanged by the same events replayed again, deduplicated by id as sync does', () => {
    fc.assert(
      fc.property(history, fc.nat(), (h, cut) => {
        const events = accepted(h)
        const pulledTwice = byIdOnce([
          ...events.slice(0, cut % (events.length + 1)),
          ...structuredClone(events),
        ])
        expect(fold(pulledTwice)).toEqual(fold(events))
      }),
    )
  })

  it('never throws on an accepted history or any prefix of it, and neither does evaluate', () => {
    fc.assert(
      fc.property(history, (h) => {
        const events = accepted(h)
        for (let i = 1; i <= events.length; i++) {
          const state = fold(events.slice(0, i)) as MatterState
          expect(state.eventCount).toBe(i)
          expect(() => evaluate(state, events[i - 1]?.recordedAt ?? '')).not.toThrow()
        }
      }),
    )
  })

  it('evolve, one event at a time, agrees with fold', () => {
    fc.assert(
      fc.property(history, (h) => {
        const events = accepted(h)
        let state: MatterState | null = null
        events.forEach((e, i) => {
          state = evolve(state, e) ?? fold(events.slice(0, i + 1))
        })
        expect(state).toEqual(fold(events))
      }),
    )
  })

  it('evolveOwned, changing one state in place, agrees with fold and leaves the events as they were', () => {
    fc.assert(
      fc.property(history, (h) => {
        const events = accepted(h)
        const before = structuredClone(events)
        let state: MatterState | null = null
        events.forEach((e, i) => {
          state = evolveOwned(state, e) ?? fold(events.slice(0, i + 1))
        })
        expect(state).toEqual(fold(events))
        // The state shares objects with payloads: nothing applied later may change an event.
        expect(events).toEqual(before)
      }),
    )
  })

  it('evolve leaves the state it was given as it was', () => {
    fc.assert(
      fc.property(history, (h) => {
        const events = accepted(h)
        const first = fold(events.slice(0, 1))
        const copy = structuredClone(first)
        let state = first
        for (const e of events.slice(1)) state = evolve(state, e) ?? state
        expect(first).toEqual(copy)
      }),
    )
  })
})
