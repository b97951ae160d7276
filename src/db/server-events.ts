import type { DomainEvent } from '../domain/events.ts'
import { evolveOwned, fold } from '../domain/fold.ts'
import type { MatterState } from '../domain/matter-state.ts'
import type { Refusal } from '../domain/refusal.ts'
import type { CasebookDb } from './database.ts'
import { writeTables } from './database.ts'
import { putRows } from './bulk-store.ts'
import { matterEvents } from './queries.ts'
import { rebuildReadTables, refoldMatter, writeReadRowsOf } from './read-tables.ts'
import type { StoredEvent } from './rows.ts'

// What the server says comes back into the device store here: the results of a push, and pulled
// events. Each batch is one transaction, and the read tables of the matters it touched are
// refolded in it, so a crash between batches leaves a consistent store that the next sync resumes.

export type PushOutcome =
  | { id: string; status: 'accepted' | 'duplicate'; seq: number }
  | { id: string; status: 'rejected'; reason: Refusal }
  /** The server does not hold every file the event references yet: it stays pending. */
  | { id: string; status: 'missing_files'; missing: string[] }

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
      if (result.status === 'missing_files') continue
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

/** Pulled events, kept as they came: `receivedAt` and `hash` make up the matter's chain. */
export type PulledEvents = readonly (DomainEvent & { seq: number; receivedAt?: string; hash?: string })[]

const readRowsBehind = 'readRowsBehind'

/**
 * The pages of one pull. Each page is stored in one transaction with the cursor after it (by id: a
 * repeat is harmless); the read tables of the matters the pull touched are written once, by
 * `finish`. A first sync pulls a council's history in hundreds of pages, and a busy matter is on
 * most of them: writing its read rows on every page was most of a first sync's time (issue 5).
 *
 * Between the first page and `finish`, a flag in `meta` says the read tables are behind the
 * events; if the sync is cut short (the tab closed, the device full), the next sync rebuilds them
 * first (`catchUpReadTables`). Events are the truth: nothing is lost, only redrawn.
 *
 * A matter whose stored history all comes before a page in the server's order, with nothing of
 * this device's waiting to be sent, is brought forward in memory one event at a time from its
 * read row; any other (an event already here at or after the page's first seq, pending events, a
 * correction) is folded again from its stored events by `finish`.
 */
export function pullSession(db: CasebookDb, now: () => string) {
  /** States brought forward in memory; a matter not here has not been touched by this pull. */
  const states = new Map<string, MatterState | null>()
  const refold = new Set<string>()
  let flagged = false

  return {
    async page(events: PulledEvents, cursor: number): Promise<void> {
      await db.transaction('rw', [...writeTables(db), db.meta], async () => {
        if (events.length > 0) await storePage(events)
        await saveCursor(db, cursor)
        if (!flagged && states.size + refold.size > 0) {
          await db.meta.put({ key: readRowsBehind, value: true })
          flagged = true
        }
      })
    },

    /** Writes the read rows of every matter the pull touched, a few hundred per transaction. */
    async finish(): Promise<void> {
      const ids = [...new Set([...states.keys(), ...refold])]
      for (let start = 0; start < ids.length; start += finishChunk) {
        const chunk = ids.slice(start, start + finishChunk)
        const last = start + finishChunk >= ids.length
        await db.transaction('rw', [...writeTables(db), db.meta], async () => {
          // A step the officer recorded while the pages came in is in the matter's events and
          // row, not in the state held here: such a matter is folded again.
          const pending = await db.outbox.where('status').equals('pending').toArray()
          const recordedMeanwhile = new Set(pending.map((o) => o.matterId))
          const folded: MatterState[] = []
          for (const id of chunk) {
            const again = refold.has(id) || recordedMeanwhile.has(id)
            const state = again ? fold(await matterEvents(db, id)) : states.get(id)
            if (state) folded.push(state)
          }
          await writeReadRowsOf(db, folded, now())
          if (last) await db.meta.delete(readRowsBehind)
        })
        if (last) flagged = false
      }
      states.clear()
      refold.clear()
    },
  }

  async function storePage(events: PulledEvents): Promise<void> {
    const byMatter = new Map<string, DomainEvent[]>()
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      const list = byMatter.get(e.matterId)
      if (list) list.push(e)
      else byMatter.set(e.matterId, [e])
    }
    const firstSeq = Math.min(...events.map((e) => e.seq))
    const fresh = [...byMatter.keys()].filter((id) => !states.has(id) && !refold.has(id))
    const reads = Promise.all([
      db.events.where('seq').aboveOrEqual(firstSeq).toArray(),
      db.outbox.toArray(),
      db.matters.bulkGet(fresh),
    ])
    // Requests in a transaction run in the order made: the reads above see the store as it was
    // before this page, and the page's puts need not wait for their answers (one round trip
    // less per page, hundreds in a first sync).
    putRows(db.events, events)
    const [later, outbox, rows] = await reads
    fresh.forEach((id, i) => states.set(id, rows[i]?.state ?? null))
    const pending = outbox.filter((o) => o.status === 'pending')
    for (const id of [...later.map((e) => e.matterId), ...pending.map((o) => o.matterId)]) {
      if (byMatter.has(id)) markRefold(id)
    }
    // A pulled event still in the outbox was accepted, though its push's answer never arrived.
    const ids = new Set(events.map((e) => e.id))
    await db.outbox.bulkDelete(outbox.filter((o) => ids.has(o.eventId)).map((o) => o.eventId))
    for (const [matterId, list] of byMatter) {
      if (refold.has(matterId)) continue
      let state = states.get(matterId) ?? null
      for (const e of list) {
        // The state was read from storage by this pull, or folded by it: its own to change.
        state = evolveOwned(state, e)
        if (!state) break
      }
      if (state) states.set(matterId, state)
      else markRefold(matterId)
    }
  }

  function markRefold(matterId: string): void {
    states.delete(matterId)
    refold.add(matterId)
  }
}

const finishChunk = 250

/**
 * A pull that stopped between its pages and its `finish` left the read tables behind the events:
 * rebuild them. Returns whether it had to.
 */
export async function catchUpReadTables(db: CasebookDb, now: string): Promise<boolean> {
  if ((await db.meta.get(readRowsBehind))?.value !== true) return false
  await rebuildReadTables(db, now)
  await db.meta.delete(readRowsBehind)
  return true
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
