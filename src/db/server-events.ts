import type { DomainEvent } from '../domain/events.ts'
import { evolveOwned, fold } from '../domain/fold.ts'
import type { MatterState } from '../domain/matter-state.ts'
import type { Refusal } from '../domain/refusal.ts'
import type { CasebookDb } from './database.ts'
import { writeTables } from './database.ts'
import { matterEvents, refoldMatter, writeReadRowsOf } from './read-tables.ts'
import type { StoredEvent } from './rows.ts'

// What the server says comes back into the device store here: the results of a push, and pulled
// events. Each batch is one transaction, and the read tables of the matters it touched are
// refolded in it, so a crash between batches leaves a consistent store that the next sync resumes.

export type PushOutcome =
  | { id: string; status: 'accepted' | 'duplicate'; seq: number }
  | { id: string; status: 'rejected'; reason: Refusal }

/** Pending events to push, oldest first. */
export async function pendingEvents(db: CasebookDb, limit: number): Promise<DomainEvent[]> {
  // Ids are monotonic on the device, so id order is recording order (domain/ids.ts).
  const rows = await db.outbox.where('status').equals('pending').toArray()
  const ids = rows.map((r) => r.eventId).sort().slice(0, limit)
  const events = await db.events.bulkGet(ids)
  return events
    .filter((e): e is StoredEvent => e !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ seq: _seq, ...event }) => event)
}

export async function applyPushResults(db: CasebookDb, results: readonly PushOutcome[], now: string): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const touched = new Set<string>()
    for (const result of results) {
      const event = await db.events.get(result.id)
      if (!event) continue
      if (result.status === 'rejected') {
        // Never silently dropped: the event leaves the matter's history and waits, with the
        // server's reason, on the matter page until the officer acts on it.
        const { seq: _seq, ...body } = event
        await db.outbox.update(result.id, { status: 'rejected', refusal: result.reason, event: body })
        await db.events.delete(result.id)
        touched.add(event.matterId)
      } else {
        await db.events.update(result.id, { seq: result.seq })
        await db.outbox.delete(result.id)
        touched.add(event.matterId)
      }
    }
    for (const matterId of touched) await refoldMatter(db, matterId, now)
  })
}

/**
 * Store a page of pulled events (by id: a repeat is harmless) and bring the read tables of the
 * matters they touch up to date.
 *
 * A matter whose stored history all comes before this page in the server's order, with nothing of
 * this device's still waiting to be sent, is brought forward one event at a time from its read
 * row (`evolveOwned`), as `recordEvent` does: a first sync pulls a council's history page by page, and
 * refolding every matter from all its events on every page made it slower with every page. Any
 * other matter (an event already here at or after the page's first seq, pending events, a
 * correction) is folded again from its events, as before.
 */
export async function applyPulledEvents(db: CasebookDb, events: readonly (DomainEvent & { seq: number })[], now: string): Promise<void> {
  if (events.length === 0) return
  const byMatter = new Map<string, DomainEvent[]>()
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const list = byMatter.get(e.matterId)
    if (list) list.push(e)
    else byMatter.set(e.matterId, [e])
  }
  const firstSeq = Math.min(...events.map((e) => e.seq))
  const matterIds = [...byMatter.keys()]
  await db.transaction('rw', writeTables(db), async () => {
    const [later, outbox, rows] = await Promise.all([
      db.events.where('seq').aboveOrEqual(firstSeq).toArray(),
      db.outbox.toArray(),
      db.matters.bulkGet(matterIds),
    ])
    const pending = outbox.filter((o) => o.status === 'pending')
    const refold = new Set([...later.map((e) => e.matterId), ...pending.map((o) => o.matterId)])
    await db.events.bulkPut(events.map((e) => ({ ...e })))
    // A pulled event still in the outbox was accepted, though its push's answer never arrived.
    const ids = new Set(events.map((e) => e.id))
    await db.outbox.bulkDelete(outbox.filter((o) => ids.has(o.eventId)).map((o) => o.eventId))
    const states: MatterState[] = []
    for (const [i, matterId] of matterIds.entries()) {
      let state: MatterState | null = null
      if (!refold.has(matterId)) {
        state = rows[i]?.state ?? null
        for (const e of byMatter.get(matterId) ?? []) {
          // The row was read in this transaction: its state is this page's own to change.
          state = evolveOwned(state, e)
          if (!state) break
        }
      }
      state ??= fold(await matterEvents(db, matterId))
      if (state) states.push(state)
    }
    await writeReadRowsOf(db, states, now)
  })
}

/** The officer has read a rejection and dealt with it: remove it from the list. */
export async function dismissRejection(db: CasebookDb, eventId: string): Promise<void> {
  await db.outbox.delete(eventId)
}

export async function readCursor(db: CasebookDb): Promise<number> {
  const row = await db.meta.get('pullCursor')
  return typeof row?.value === 'number' ? row.value : 0
}

export async function saveCursor(db: CasebookDb, cursor: number): Promise<void> {
  await db.meta.put({ key: 'pullCursor', value: cursor })
}
