import { automaticClosureEvent } from '../../../src/domain/automatic-closure.ts'
import { checkEvent } from '../../../src/domain/check-event.ts'
import { dueAutomaticClosure } from '../../../src/domain/deadlines.ts'
import type { DomainEvent, EventType, PayloadInput } from '../../../src/domain/events.ts'
import { systemActorId } from '../../../src/domain/events.ts'
import { evolve, fold } from '../../../src/domain/fold.ts'
import type { Actor } from '../../../src/domain/guard-context.ts'
import { uuidV7 } from '../../../src/domain/ids.ts'
import { londonDate } from '../../../src/domain/london-time.ts'
import type { MatterState } from '../../../src/domain/matter-state.ts'
import { canSee } from '../../../src/server/sync/visibility.ts'
import type { Random } from './random.ts'

// One matter's history, told the way it happens: a person records a step at a time on their
// device, and the domain's `checkEvent` decides, exactly as the device and the server do. The
// server will check every one of these events again when they are pushed, so a step the rules
// refuse here is a bug in the storyline and stops the generator with the refusal.
//
// Time only moves forward, inside office hours on weekdays. Steps due after the council's "now"
// are not recorded: the story simply stops there, leaving the matter open wherever it got to.
// Automatic closures (R4, R5) are recorded by the system actor at their deadline, as the server's
// scheduler would, before any later step.

const dayMs = 86_400_000
export const systemActor: Actor = { id: systemActorId, role: 'system' }

/** Each person records on one device of their own; the server's scheduler is `server`. */
export function deviceOf(actor: Actor): string {
  if (actor.id === systemActorId) return 'server'
  return actor.role === 'manager' ? `desk-${actor.id}` : `tablet-${actor.id}`
}

/** Thrown when the story reaches the council's "now" or its event budget: the matter stays as it is. */
export class StoryEnded extends Error {}

export class StoryRefused extends Error {}

export class MatterStory {
  readonly events: DomainEvent[] = []
  state: MatterState | null = null
  readonly matterId: string
  private clock: number
  private readonly byId = new Map<string, DomainEvent>()
  private readonly r: Random
  private readonly end: number
  private readonly maxEvents: number

  constructor(r: Random, startMs: number, endMs: number, maxEvents = Number.POSITIVE_INFINITY) {
    this.r = r
    this.end = endMs
    this.maxEvents = maxEvents
    this.clock = officeHours(startMs, r)
    this.matterId = this.id()
  }

  get now(): string {
    return new Date(this.clock).toISOString()
  }

  get today(): string {
    return londonDate(this.now)
  }

  get phase(): MatterState['phase'] | null {
    return this.state?.phase ?? null
  }

  /** A date `days` from today (negative: before), for date fields. */
  dayOffset(days: number): string {
    return londonDate(new Date(this.clock + days * dayMs).toISOString())
  }

  /** A past instant, `hours` before now. */
  hoursAgo(hours: number): string {
    return new Date(this.clock - hours * 3_600_000).toISOString()
  }

  id(): string {
    return uuidV7(this.clock, this.r.bytes10())
  }

  /** Moves on by about `days` days, to a weekday in office hours. */
  wait(days: number): this {
    this.clock = officeHours(this.clock + Math.max(0, days) * dayMs, this.r, this.clock)
    return this
  }

  /** A few minutes later, the same visit or call. */
  soon(): this {
    this.clock += this.r.int(2, 40) * 60_000
    return this
  }

  record<T extends EventType>(actor: Actor, type: T, payload: PayloadInput<T>): DomainEvent {
    if (this.clock > this.end) throw new StoryEnded()
    this.closeIfDue(this.clock)
    return this.append(actor, {
      id: this.id(),
      matterId: this.matterId,
      type,
      payload,
      actorId: actor.id,
      deviceId: deviceOf(actor),
      occurredAt: this.now,
      recordedAt: this.now,
    })
  }

  /** The events recorded so far of one type: for corrections and references to earlier entries. */
  find(type: EventType): DomainEvent[] {
    return this.events.filter((e) => e.type === type)
  }

  /**
   * The scheduler's part: if an automatic closure has come due by `at` (or by now), it is
   * recorded at its deadline, a minute after the deadline passed.
   */
  closeIfDue(at = this.clock): boolean {
    const due =
      this.state && dueAutomaticClosure(this.state, new Date(Math.min(at, this.end)).toISOString())
    if (!this.state || !due) return false
    const recordedAt = new Date(
      Date.parse(due.closesAt) + this.r.int(1, 59) * 1000 + 60_000,
    ).toISOString()
    if (Date.parse(recordedAt) > this.end) return false
    const event = automaticClosureEvent(this.state, recordedAt, deviceOf(systemActor))
    if (!event) return false
    this.append(systemActor, event, recordedAt)
    this.clock = Math.max(this.clock, Date.parse(recordedAt))
    return true
  }

  private append(
    actor: Actor,
    proposed: DomainEvent | Record<string, unknown>,
    now = this.now,
  ): DomainEvent {
    if (this.events.length >= this.maxEvents) throw new StoryEnded()
    const type = (proposed as { type: EventType }).type
    if (this.state && !canSee(actor, this.state))
      throw new StoryRefused(`${type} by ${actor.id}: the matter is not theirs to see`)
    const findEvent = (id: string) => this.byId.get(id)
    const checked = checkEvent({ state: this.state, actor, now, findEvent }, proposed)
    if (!checked.ok)
      throw new StoryRefused(
        `${type} by ${actor.id} refused (${checked.refusal.code}): ${checked.refusal.message}`,
      )
    const next = evolve(this.state, checked.event) ?? foldAgain([...this.events, checked.event])
    this.events.push(checked.event)
    this.byId.set(checked.event.id, checked.event)
    this.state = next
    return checked.event
  }
}

// A correction needs the whole history folded again (evolve returns null for it).
function foldAgain(events: DomainEvent[]): MatterState {
  const state = fold(events)
  if (!state) throw new Error('A generated matter does not fold.')
  return state
}

/** The next weekday moment between 08:00 and 17:30 UTC at or after `ms`, and after `after`. */
function officeHours(ms: number, r: Random, after = 0): number {
  const d = new Date(ms)
  const minutes = r.int(8 * 60, 17 * 60 + 30)
  d.setUTCHours(Math.floor(minutes / 60), minutes % 60, r.int(0, 59), r.int(0, 999))
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1)
  let t = d.getTime()
  if (t <= after) t = after + r.int(5, 90) * 60_000
  return t
}
