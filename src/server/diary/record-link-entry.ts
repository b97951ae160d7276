import type { DiaryEntryRequest } from '../../api/public-diary.ts'
import { diaryLinkActor, diaryLinkActorId } from '../../domain/diary-links.ts'
import type { EventOf } from '../../domain/events.ts'
import type { Storage } from '../storage/storage.ts'
import { findStoredEvents } from '../sync/event-rows.ts'
import { withEventLog } from '../sync/event-log.ts'
import type { LiveLink } from './diary-link-rows.ts'
import { addUsage, usageOn } from './diary-link-rows.ts'

// An entry from the complainant's phone becomes a `diaryEntryRecorded` event on the link's
// matter, in the link's name, through the same event log and the same domain checks as an
// officer's push: seq, audience and the matter's state stay right, and R5's clock stops as for
// any diary entry. Idempotent by the entry's own id, made on the phone: a phone that sends again
// after a dropped answer gets the first answer back, not a second entry.

/** Who recorded it, as the chronology's envelope needs: not a device of the council's. */
export const diaryLinkDevice = 'diary-link'

export type LinkEntryOutcome =
  | { kind: 'accepted' | 'duplicate'; sentAt: string }
  | { kind: 'ended' }
  | { kind: 'daily_limit' }
  | { kind: 'id_taken' }
  | { kind: 'refused'; message: string }

function entryEvent(link: LiveLink, entry: DiaryEntryRequest, at: string): EventOf<'diaryEntryRecorded'> {
  const { id, ...payload } = entry
  return {
    id,
    matterId: link.matterId,
    type: 'diaryEntryRecorded',
    actorId: diaryLinkActorId(link.linkId),
    deviceId: diaryLinkDevice,
    occurredAt: at,
    recordedAt: at,
    payload: { ...payload, recordsAsb: true, viaLinkId: link.linkId },
  }
}

export async function recordLinkEntry(
  storage: Storage,
  link: LiveLink,
  entry: DiaryEntryRequest,
  now: Date,
  entriesPerDay: number,
): Promise<LinkEntryOutcome> {
  const at = now.toISOString()
  const day = at.slice(0, 10)
  return withEventLog(storage, now, async (eventLog, tx) => {
    // Under the event log's lock: a second copy sent at the same moment waits, then finds this one.
    const existing = (await findStoredEvents(tx, [entry.id])).get(entry.id)
    if (existing) {
      const ours = existing.event.actorId === diaryLinkActorId(link.linkId) && existing.event.matterId === link.matterId
      return ours ? { kind: 'duplicate', sentAt: existing.event.recordedAt } : { kind: 'id_taken' }
    }
    if ((await usageOn(tx, link.linkId, day)).entries >= entriesPerDay) return { kind: 'daily_limit' }
    const result = await eventLog.record(diaryLinkActor(link.linkId), entryEvent(link, entry, at))
    if (result.status === 'accepted') {
      await addUsage(tx, link.linkId, day, 1, 0)
      return { kind: 'accepted', sentAt: at }
    }
    const reason = result.status === 'rejected' ? result.reason : undefined
    if (reason?.code === 'link_ended' || reason?.code === 'link_only' || reason?.code === 'matter_closed') return { kind: 'ended' }
    return { kind: 'refused', message: reason?.message ?? 'The entry was not accepted.' }
  })
}
