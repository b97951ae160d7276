import { dueAutomaticClosure } from './deadlines.ts'
import type { EventOf } from './events.ts'
import { systemActorId } from './events.ts'
import { uuidFromName } from './ids.ts'
import type { MatterState } from './matter-state.ts'
import { assessmentClosureReasonLabels } from './vocabulary-lists.ts'

// R4, R5: the event that records an automatic closure once its deadline has passed. The id is
// derived from the matter, the reason and the deadline, so recording it twice (two server
// processes, a restart, a device) stores it once.
export function automaticClosureEvent(
  s: MatterState,
  now: string,
  deviceId: string,
): EventOf<'matterClosed'> | null {
  const due = dueAutomaticClosure(s, now)
  if (!due) return null
  return {
    id: uuidFromName(`${s.id}:${due.reason}:${due.deadline}`),
    matterId: s.id,
    type: 'matterClosed',
    actorId: systemActorId,
    deviceId,
    occurredAt: due.closesAt,
    recordedAt: now,
    payload: {
      reason: due.reason,
      rationale: `Closed automatically (${due.rule}): ${assessmentClosureReasonLabels[due.reason].toLowerCase()}.`,
      automatic: true,
      deadline: due.deadline,
    },
  }
}
