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
