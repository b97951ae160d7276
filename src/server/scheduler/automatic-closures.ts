import { automaticClosureEvent } from '../../domain/automatic-closure.ts'
import { systemActorId } from '../../domain/events.ts'
import type { Actor } from '../../domain/guard-context.ts'
import type { Log } from '../logging/log.ts'
import { describeError } from '../logging/log.ts'
import type { Storage } from '../storage/storage.ts'
import { withEventLog } from '../sync/event-log.ts'
import { mattersDueForClosure } from '../sync/matter-states.ts'

// R4, R5: automatic closures happen when time passes, even with no device online. The server
// records each one as a system event through the same event log and checks as everything else.
// The domain derives the event's id from the matter and the deadline, so a second recording
// (two server processes, a restart, overlapping ticks) is a duplicate and stores nothing.

export const systemActor: Actor = { id: systemActorId, role: 'system' }
export const serverDevice = 'server'

/** Records every automatic closure due at `now`; returns how many it stored. */
export async function recordDueClosures(storage: Storage, now: Date, log: Log): Promise<number> {
  const due = await mattersDueForClosure(storage, now.toISOString())
  let recorded = 0
  // One transaction per matter: one matter that fails cannot hold back the others' closures.
  for (const matterId of due) {
    try {
      if (await closeIfDue(storage, matterId, now)) recorded += 1
    } catch (error) {
      log({ level: 'error', msg: 'automatic closure failed', matterId, ...describeError(error) })
    }
  }
  return recorded
}

async function closeIfDue(storage: Storage, matterId: string, now: Date): Promise<boolean> {
  return withEventLog(storage, now, async (eventLog) => {
    // Decided again under the seq lock, on the state as it is now.
    const state = await eventLog.state(matterId)
    const event = state && automaticClosureEvent(state, now.toISOString(), serverDevice)
    if (!event) return false
    const result = await eventLog.record(systemActor, event)
    // The domain made this event from the same state and clock; refusing it is a bug.
    if (result.status === 'rejected')
      throw new Error(`Automatic closure refused: ${result.reason.code}`)
    return result.status === 'accepted'
  })
}
