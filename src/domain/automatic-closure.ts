import type { AutomaticClosureDeadline } from './deadlines.ts'
import { dueAutomaticClosure, nextAutomaticClosure } from './deadlines.ts'
import { endOfLondonDay } from './london-time.ts'
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
  const due = dueAutomaticClosure(s, now) ?? closureInForce(s)
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

/** When the server should next record an automatic closure on this matter, if ever. */
export function automaticClosureAt(s: MatterState): string | null {
  return (nextAutomaticClosure(s) ?? closureInForce(s))?.closesAt ?? null
}

/**
 * A closure already in force on the matter (a later fact put it past its deadline, DOMAIN.md
 * "Where the dates and the people must agree") that the server has not yet written.
 */
function closureInForce(s: MatterState): AutomaticClosureDeadline | null {
  const { automatic, recorded, reason, deadline } = s.closure
  if (s.phase !== 'closed' || !automatic || recorded || !deadline) return null
  if (reason !== 'no_contact' && reason !== 'no_evidence') return null
  return { rule: reason === 'no_contact' ? 'R4' : 'R5', reason, deadline, closesAt: endOfLondonDay(deadline) }
}
