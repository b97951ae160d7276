import type { DomainEvent, EventOf, EventType } from './events.ts'
import type { MatterState } from './matter-state.ts'
import type { Phase } from './phases.ts'
import { isAssessment, isLiveCase, phaseLabels } from './phases.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'
import type { RiskMatrix } from './risk-matrix-schema.ts'
import type { StatutoryLimits } from './statutory-limits.ts'
import type { Role } from './vocabulary.ts'

/**
 * People sign in with a role; the system records automatic steps; the public reports through the
 * form; a complainant sends diary entries through their private link (`diary_link`).
 */
export type Actor = { id: string; role: Role | 'system' | 'public' | 'diary_link' }

export type GuardContext = {
  state: MatterState
  actor: Actor
  now: string
  today: string
  findEvent: (id: string) => DomainEvent | undefined
  matrix: RiskMatrix
  law: StatutoryLimits
}

export type Guard<T extends EventType> = (ctx: GuardContext, e: EventOf<T>) => Refusal | null

export function inPhases(s: MatterState, allowed: readonly Phase[], what: string): Refusal | null {
  if (allowed.includes(s.phase)) return null
  if (s.phase === 'closed') return refuse('matter_closed', `The matter is closed: ${what} is not possible.`)
  if (s.phase === 'closure_requested') {
    return refuse('closure_pending', `A closure request is waiting for a manager: ${what} is not possible until it is decided.`, 'R16')
  }
  if (isAssessment(s.phase) && allowed.every((p) => !isAssessment(p))) {
    return refuse('case_record_required', `Create the case record first: ${what} needs a case.`, 'R6')
  }
  return refuse('wrong_phase', `${what[0]?.toUpperCase()}${what.slice(1)} is not possible at the ${phaseLabels[s.phase].toLowerCase()} stage.`)
}

export const openPhases: readonly Phase[] = ['enquiry', 'evidence', 'case', 'investigation', 'intervention', 'legal', 'closure_requested']
export const liveOrPendingPhases: readonly Phase[] = ['case', 'investigation', 'intervention', 'legal', 'closure_requested']

export function requireLiveCase(s: MatterState, what: string): Refusal | null {
  return isLiveCase(s.phase) ? null : inPhases(s, ['case', 'investigation', 'intervention', 'legal'], what)
}

/**
 * Leaving the enquiry needs an officer on the matter: only unassigned *enquiries* are the team's
 * to pick up (server/sync/visibility.ts), so past that an unassigned matter reaches no officer.
 */
export function requireAssigned(s: MatterState, message: string, rule: string): Refusal | null {
  return s.assignedOfficerId === null ? refuse('unassigned', message, rule) : null
}

/**
 * Closing an unassigned enquiry (decisions.md, "Closing an unassigned enquiry"): the officer who
 * closes it takes it on first, so that it stays with them once closed (a closed matter is no longer
 * the team's to pick up) and R2's "advise the complainant" has someone to do it. The device records
 * the officer's `matterAssigned` just before the closing step; the guards refuse an officer's
 * closure of an unassigned enquiry that comes without it. A manager or the system may close one
 * as it is: it is then seen by whoever reported it on the device, and by the managers.
 */
export function takesOnBeforeClosing(s: MatterState, actor: Actor, step: { type: EventType; payload: unknown }): boolean {
  return actor.role === 'officer' && s.assignedOfficerId === null && isAssessment(s.phase) && closesTheEnquiry(step)
}

function closesTheEnquiry(step: { type: EventType; payload: unknown }): boolean {
  if (step.type === 'matterClosed') return true
  if (step.type !== 'thresholdAssessed') return false
  return typeof step.payload === 'object' && step.payload !== null && (step.payload as { met?: unknown }).met === false
}

export function takeOnFirst({ state, actor }: Pick<GuardContext, 'state' | 'actor'>, step: { type: EventType; payload: unknown }): Refusal | null {
  return takesOnBeforeClosing(state, actor, step)
    ? refuse('unassigned', 'Take the enquiry on (assign it to yourself) before closing it, so that it stays with you once closed.')
    : null
}

export function notInFuture(ctx: GuardContext, value: string | undefined, what: string): Refusal | null {
  if (!value) return null
  const future = value.length === 10 ? value > ctx.today : value > ctx.now
  return future ? refuse('in_future', `${what} cannot be in the future.`) : null
}

export function knownParties(s: MatterState, ids: readonly string[]): Refusal | null {
  return ids.every((id) => s.parties.some((p) => p.partyId === id))
    ? null
    : refuse('unknown_party', 'Choose people who are parties to this matter.')
}

/**
 * R4, R5: a fact that happened before an automatic closure's instant but reached this checker
 * after it (a call taken on day 9, synced on day 11) is still a fact: it is accepted and stops the
 * clock (fold voids the closure).
 */
export function isLateFact(s: MatterState, occurredAt: string): boolean {
  return s.phase === 'closed' && s.closure.automatic && s.closure.closedAt !== null && occurredAt < s.closure.closedAt
}
