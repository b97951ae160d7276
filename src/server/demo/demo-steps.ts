import type { DomainEvent, EventType, PayloadInput } from '../../domain/events.ts'
import { parseEvent } from '../../domain/events.ts'
import type { Actor } from '../../domain/guard-context.ts'
import { londonDate } from '../../domain/london-time.ts'
import { newId } from '../new-id.ts'
import type { Storage } from '../storage/storage.ts'
import { withEventLog } from '../sync/event-log.ts'

// Demo matters are built the way officers build real ones: step by step, each step an event
// that goes through the server's event log and the domain's checks. A step the rules refuse
// stops the seed with the refusal, so the demo can never show a history the rules forbid.

export const demoDevice = 'demo-seed'

/** The people the demo matters are recorded by. */
export type DemoStaff = { officer1: Actor; officer2: Actor; manager1: Actor }

/** The calendar day in England of an instant, for date fields. */
export const day = (d: Date) => londonDate(d.toISOString())

type Step = { actor: Actor; event: DomainEvent }

export class DemoMatter {
  readonly id: string
  readonly steps: Step[] = []
  private readonly now: Date

  constructor(now: Date) {
    this.now = now
    this.id = newId(now)
  }

  /** An instant `days` before now at `hour`:`minute` UTC (negative days are in the future). */
  at(days: number, hour = 10, minute = 0): Date {
    const d = new Date(this.now.getTime() - days * 86_400_000)
    d.setUTCHours(hour, minute, 0, 0)
    return d
  }

  step<T extends EventType>(actor: Actor, when: Date, type: T, payload: PayloadInput<T>): this {
    const at = when.toISOString()
    const proposed = {
      id: newId(when),
      matterId: this.id,
      type,
      payload,
      actorId: actor.id,
      deviceId: demoDevice,
      occurredAt: at,
      recordedAt: at,
    }
    const parsed = parseEvent(proposed)
    if (!parsed.success)
      throw new Error(`Demo step ${type} is malformed: ${parsed.error.issues[0]?.message}`)
    this.steps.push({ actor, event: parsed.data })
    return this
  }
}

export async function recordDemoMatters(
  storage: Storage,
  now: Date,
  matters: readonly DemoMatter[],
): Promise<void> {
  await withEventLog(storage, now, async (eventLog) => {
    for (const { actor, event } of matters.flatMap((m) => m.steps)) {
      const result = await eventLog.record(actor, event)
      if (result.status !== 'accepted')
        throw new Error(`Demo step ${event.type} was ${result.status}: ${JSON.stringify(result)}`)
    }
  })
}
