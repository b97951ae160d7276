import type { DomainEvent, EventType } from './events.ts'
import { parseEvent, systemActorId } from './events.ts'
import type { Actor, Guard } from './guard-context.ts'
import { caseGuards } from './guards-case.ts'
import { stage1Guards } from './guards-stage1.ts'
import { stateAt } from './fold.ts'
import { formatUkDate } from './uk-dates.ts'
import { letterRefusal } from './letter-sent.ts'
import { londonDate } from './london-time.ts'
import type { MatterState } from './matter-state.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'
import type { RiskMatrix } from './risk-matrix-schema.ts'
import { defaultRiskMatrix } from './risk-matrix.ts'
import type { StatutoryLimits } from './statutory-limits.ts'
import { statutoryLimits } from './statutory-limits.ts'

// The one place that decides whether a step may be recorded now. The device calls it before it
// writes; the server calls it again on every pushed event, against its own state, so no device
// can bypass a rule (DESIGN.md, STYLE.md "one command, one place").

export type CheckContext = {
  /** The matter as folded from its accepted events; null when the event would open a new matter. */
  state: MatterState | null
  actor: Actor
  now: string
  findEvent?: (id: string) => DomainEvent | undefined
  matrix?: RiskMatrix
  law?: StatutoryLimits
}

export type CheckResult = { ok: true; event: DomainEvent } | { ok: false; refusal: Refusal }

/** Devices' clocks drift; an event may claim to be at most this far ahead of the checker's clock. */
export const clockSkewMs = 5 * 60_000

const guards: { [T in EventType]?: Guard<T> } = { ...stage1Guards, ...caseGuards }

function firstIssue(error: { issues: { message: string; path: PropertyKey[] }[] }): string {
  const issue = error.issues[0]
  return issue?.message ?? 'The entry is not valid.'
}

export function checkEvent(ctx: CheckContext, input: unknown): CheckResult {
  const parsed = parseEvent(input)
  if (!parsed.success) return { ok: false, refusal: refuse('invalid', firstIssue(parsed.error)) }
  return checkParsedEvent(ctx, parsed.data)
}

/**
 * `checkEvent` for an event that `domainEventSchema` has just parsed (the server's push: the
 * request schema parses every event). Parsing it again was a tenth of a push's time.
 */
export function checkParsedEvent(ctx: CheckContext, event: DomainEvent): CheckResult {
  const refusal = whyNot(ctx, event)
  return refusal ? { ok: false, refusal } : { ok: true, event }
}

function whyNot(ctx: CheckContext, event: DomainEvent): Refusal | null {
  const { actor, state, now } = ctx
  if (event.actorId !== actor.id) return refuse('wrong_actor', 'An entry is recorded in the name of the person signed in.')
  if (actor.role === 'admin') return refuse('role', 'An administrator manages users and does not record case work.')
  if (actor.id === systemActorId && event.type !== 'matterClosed') {
    return refuse('role', 'The system records only automatic closures.')
  }
  if (actor.role === 'public' && (event.type !== 'reportReceived' || event.payload.channel !== 'online_form')) {
    return refuse('role', 'The public form can only make a new online report.')
  }
  if (actor.role === 'diary_link' && event.type !== 'diaryEntryRecorded') {
    return refuse('role', 'A private diary link can only send diary entries.')
  }
  if (Date.parse(event.occurredAt) > Date.parse(now) + clockSkewMs) {
    return refuse('in_future', 'An entry cannot be dated in the future.')
  }
  if (event.type === 'reportReceived') {
    return state ? refuse('matter_exists', 'This matter already exists.') : null
  }
  if (!state) return refuse('unknown_matter', 'That matter does not exist.')
  if (event.matterId !== state.id) return refuse('wrong_matter', 'The entry belongs to a different matter.')
  const noLetter = letterRefusal(state, event)
  if (noLetter) return noLetter
  const guard: Guard<EventType> | undefined = guards[event.type]
  if (!guard) return null
  // R4, R5: a closure whose clock ran out before this fact happened is in force, written or not.
  // The system's own closure is checked against the matter as recorded: it is what writes it.
  const closing = actor.id === systemActorId && event.type === 'matterClosed'
  const at = closing ? state : stateAt(state, event.occurredAt)
  const refusal = guard(
    {
      state: at,
      actor,
      now,
      today: londonDate(now),
      findEvent: ctx.findEvent ?? (() => undefined),
      matrix: ctx.matrix ?? defaultRiskMatrix,
      law: ctx.law ?? statutoryLimits,
    },
    event,
  )
  if (refusal?.code === 'matter_closed' && at !== state && at.closure.deadline) {
    const why = at.closure.reason === 'no_contact' ? 'no contact was made' : 'no ASB was recorded and no evidence was provided'
    return refuse(
      'closed_automatically',
      `The matter closed automatically at the end of ${formatUkDate(at.closure.deadline)} because ${why} in time. ` +
        'Something that happened after that does not reopen it: reopen the matter first if the work should go on.',
      at.closure.reason === 'no_contact' ? 'R4' : 'R5',
    )
  }
  return refusal
}
