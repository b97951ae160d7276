import { addCalendarDays } from '../../../src/domain/calendar.ts'
import type { CheckResult } from '../../../src/domain/check-event.ts'
import { checkEvent } from '../../../src/domain/check-event.ts'
import type { DomainEvent, EventType, PayloadInput } from '../../../src/domain/events.ts'
import { systemActorId } from '../../../src/domain/events.ts'
import { evaluate } from '../../../src/domain/evaluate.ts'
import { fold } from '../../../src/domain/fold.ts'
import type { Actor } from '../../../src/domain/guard-context.ts'
import { takesOnBeforeClosing } from '../../../src/domain/guard-context.ts'
import { uuidV7 } from '../../../src/domain/ids.ts'
import { londonDate } from '../../../src/domain/london-time.ts'
import type { MatterState } from '../../../src/domain/matter-state.ts'
import type { Refusal } from '../../../src/domain/refusal.ts'
import type { RiskLevel } from '../../../src/domain/risk-matrix.ts'
import type { CaseClosureReason, InterventionKind } from '../../../src/domain/vocabulary.ts'
import type { RiskAssessmentInput } from './risk-assessment.ts'
import { riskAssessment } from './risk-assessment.ts'

// Arranges a matter the way an officer would build it up, one step at a time. Every step goes
// through `checkEvent`, so arranging a history the rules forbid fails loudly with the refusal.
// Ids are deterministic (a seeded counter as uuidV7's random bytes) and the clock only moves
// when the test moves it.

export const officer: Actor = { id: 'officer-1', role: 'officer' }
export const otherOfficer: Actor = { id: 'officer-2', role: 'officer' }
export const manager: Actor = { id: 'manager-1', role: 'manager' }
export const otherManager: Actor = { id: 'manager-2', role: 'manager' }
export const system: Actor = { id: systemActorId, role: 'system' }

export class RefusedStep extends Error {
  readonly type: EventType
  readonly refusal: Refusal

  constructor(type: EventType, refusal: Refusal) {
    super(`${type} refused (${refusal.code}): ${refusal.message}`)
    this.type = type
    this.refusal = refusal
  }
}

type ClosureRequest = PayloadInput<'closureRequested'>

type Report = {
  anonymous?: boolean
  channel?: PayloadInput<'reportReceived'>['channel']
  contact?: { phone?: string; email?: string; address?: string }
}

export class MatterBuilder {
  readonly events: DomainEvent[] = []
  readonly matterId: string
  readonly complainantId: string
  readonly perpetratorId: string
  private clock = '2026-11-02T10:00:00.000Z'
  private actor: Actor = officer
  private counter = 0
  private readonly seed: number

  constructor(seed = 1) {
    this.seed = seed
    this.matterId = this.id()
    this.complainantId = this.id()
    this.perpetratorId = this.id()
  }

  /** A fresh id, different on every call and the same on every run. */
  id(): string {
    const bytes = new Uint8Array(10)
    new DataView(bytes.buffer).setUint16(0, this.seed)
    new DataView(bytes.buffer).setUint32(2, ++this.counter)
    return uuidV7(Date.parse(this.clock), bytes)
  }

  get now(): string {
    return this.clock
  }

  get today(): string {
    return londonDate(this.clock)
  }

  /** Mid-morning in London on `date` (10:00 GMT, 11:00 BST). */
  on(date: string): this {
    return this.at(`${date}T10:00:00.000Z`)
  }

  at(instant: string): this {
    this.clock = instant
    return this
  }

  later(days: number): this {
    return this.on(addCalendarDays(this.today, days))
  }

  as(actor: Actor): this {
    this.actor = actor
    return this
  }

  /** The event this builder would propose for the step, in the name of the current actor, now. */
  propose<T extends EventType>(type: T, payload: PayloadInput<T>) {
    const [id, at] = [this.id(), this.clock]
    const by = { actorId: this.actor.id, deviceId: 'device-1', occurredAt: at, recordedAt: at }
    return { id, matterId: this.matterId, type, payload, ...by }
  }

  /** What the guard says about an event, without recording it. */
  check(event: unknown, actor: Actor = this.actor, now: string = this.clock): CheckResult {
    const findEvent = (id: string) => this.events.find((e) => e.id === id)
    return checkEvent({ state: fold(this.events), actor, now, findEvent }, event)
  }

  try<T extends EventType>(type: T, payload: PayloadInput<T>): CheckResult {
    return this.check(this.propose(type, payload))
  }

  /** Records an event made elsewhere (e.g. by `automaticClosureEvent`) through the same guard. */
  add(event: unknown, actor: Actor = this.actor): this {
    const result = this.check(event, actor)
    if (!result.ok) throw new RefusedStep((event as DomainEvent).type, result.refusal)
    this.events.push(result.event)
    return this
  }

  record<T extends EventType>(type: T, payload: PayloadInput<T>): this {
    // As the device does (step-form.tsx): an officer closing an unassigned enquiry takes it on first.
    if (this.events.length > 0 && takesOnBeforeClosing(this.state(), this.actor, { type, payload })) this.assigned(this.actor)
    const result = this.try(type, payload)
    if (!result.ok) throw new RefusedStep(type, result.refusal)
    this.events.push(result.event)
    return this
  }

  last(): DomainEvent {
    const event = this.events.at(-1)
    if (!event) throw new Error('No events recorded yet.')
    return event
  }

  state(): MatterState {
    const state = fold(this.events)
    if (!state) throw new Error('No report has been recorded: arrange `reported()` first.')
    return state
  }

  evaluate(now: string = this.clock) {
    return evaluate(this.state(), now)
  }

  // Stage 1 (R1–R6)
  reported({ anonymous = false, channel, contact = { phone: '01252 622122' } }: Report = {}): this {
    const complainant = { partyId: this.complainantId, name: 'Alex Morgan', contact }
    return this.record('reportReceived', {
      channel: channel ?? (anonymous ? 'online_form' : 'phone'),
      receivedAt: this.clock,
      location: { address: '12 Elm Road, Fleet', postcode: 'GU51 4AE' },
      category: 'noise',
      description: 'Loud music from the flat above every night after midnight.',
      anonymous,
      complainant: anonymous ? undefined : complainant,
    })
  }

  /** Allocated to `to` (an officer takes it on, or a manager allocates it): needed past the enquiry. */
  assigned(to: Actor = officer): this {
    return this.record('matterAssigned', { officerId: to.id })
  }

  withPerpetrator(): this {
    const role = 'alleged_perpetrator'
    return this.record('partyAdded', { partyId: this.perpetratorId, role, name: 'Sam Reed' })
  }

  thresholdMet(extra: Partial<PayloadInput<'thresholdAssessed'>> = {}): this {
    return this.record('thresholdAssessed', { met: true, reason: 'Night noise.', ...extra })
  }

  thresholdNotMet(): this {
    return this.record('thresholdAssessed', { met: false, reason: 'One party last summer.' })
  }

  withPhoneAttempts(n: number): this {
    const attempt = { method: 'phone', outcome: 'voicemail' } as const
    for (let i = 0; i < n; i++) this.record('contactAttempted', attempt)
    return this
  }

  contactMade(): this {
    return this.record('contactMade', { method: 'phone', direction: 'inbound', summary: 'Rang.' })
  }

  letterSent(on?: string): this {
    if (on) this.on(on)
    return this.record('contactLetterSent', { method: 'letter', sentOn: this.today })
  }

  diarySheetsIssued(on?: string): this {
    if (on) this.on(on)
    return this.record('diarySheetsIssued', { issuedOn: this.today })
  }

  diaryEntry({ recordsAsb = true }: { recordsAsb?: boolean } = {}): this {
    return this.record('diaryEntryRecorded', {
      happenedAt: this.clock,
      location: 'Flat 3',
      who: 'The neighbour above',
      what: 'Music at full volume from 00:30 to 03:00.',
      impact: 'Could not sleep; missed work the next day.',
      recordsAsb,
    })
  }

  independentEvidence(): this {
    return this.record('evidenceAdded', {
      evidenceId: this.id(),
      kind: 'police_report',
      description: 'Police attended for noise at 01:10.',
      source: 'Hampshire Constabulary',
      obtainedOn: this.today,
      independent: true,
    })
  }

  /** `level` is the level the answers score to; other fields override the assessment. */
  caseCreated({ level = 'standard', ...overrides }: Partial<RiskAssessmentInput> = {}): this {
    return this.record('caseRecordCreated', { riskAssessment: riskAssessment(level, overrides) })
  }

  // Stages 2–5 (R8–R19)
  investigationStarted(): this {
    return this.record('investigationStarted', { summary: 'Statements; police call logs.' })
  }

  intervention(kind: InterventionKind, over: Partial<PayloadInput<'interventionRecorded'>> = {}) {
    const intervention = { interventionId: this.id(), partyIds: [this.perpetratorId], kind }
    return this.record('interventionRecorded', { ...intervention, date: this.today, ...over })
  }

  mediationOffered(response: 'consented' | 'declined' | 'no_response' = 'declined'): this {
    return this.record('mediationOffered', {
      offeredOn: this.today,
      responses: [
        { partyId: this.complainantId, response: 'consented' },
        { partyId: this.perpetratorId, response },
      ],
    })
  }

  legalDecision({
    consulted = true,
    advice = 'Proceed: the evidence meets the civil standard.',
  }: { consulted?: boolean; advice?: string } = {}): this {
    return this.record('legalDecisionRecorded', {
      decisionId: this.id(),
      legalServicesConsulted: consulted,
      advice: consulted ? advice : undefined,
      proportionality: 'Warnings and an agreement have been breached; the behaviour continues.',
    })
  }

  closureRequested(reason: CaseClosureReason, overrides: Partial<ClosureRequest> = {}): this {
    return this.record('closureRequested', {
      reason,
      rationale: 'No reports for eight weeks; the victim says things are better.',
      victimTold: { told: true, method: 'phone', on: this.today },
      ...overrides,
    })
  }

  closureApproved(): this {
    return this.record('closureApproved', {})
  }

  closureRejected(comment = 'Speak to the housing officer first.'): this {
    return this.record('closureRejected', { comment })
  }

  reopened(reason = 'The victim reports that the noise has started again.'): this {
    return this.record('matterReopened', { reason })
  }
}

/** The refusal a step met; fails the test if the step was recorded instead. */
export function refusalOf(step: () => unknown): Refusal {
  try {
    step()
  } catch (error) {
    if (error instanceof RefusedStep) return error.refusal
    throw error
  }
  throw new Error('Expected the step to be refused, but it was recorded.')
}

export function aMatter(seed = 1): MatterBuilder {
  return new MatterBuilder(seed)
}

/** A live case (R6), assigned to `officer`, with a named complainant and an alleged perpetrator, opened on `on`. */
export function aCase({ level = 'standard', on = '2026-11-02' }: CaseOptions = {}): MatterBuilder {
  const m = aMatter().on(on).reported().assigned().withPerpetrator().thresholdMet()
  return m.diarySheetsIssued().diaryEntry().caseCreated({ level })
}

type CaseOptions = { level?: RiskLevel; on?: string }
