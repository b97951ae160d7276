import type { MatterState } from '../domain/matter-state.ts'
import { fold } from '../domain/fold.ts'
import type { CasebookDb } from './database.ts'
import { matterEvents } from './queries.ts'
import { compareStoredEvents, readRowsOf } from './rows.ts'
import type { DueActionRow, PartyRow, StoredEvent } from './rows.ts'

// Writing and rebuilding the read tables. Called inside a transaction that covers `matters`,
// `parties` and `dueActions`; never on its own, so the tables cannot disagree with `events`.

export async function writeReadRows(db: CasebookDb, state: MatterState, now: string): Promise<void> {
  await writeReadRowsOf(db, [state], now)
}

/** The party and due-action rows stored for some matters, as `writeReadRowsOf` compares them. */
export type StoredReadRows = { parties: PartyRow[]; dueActions: DueActionRow[] }

export async function storedReadRows(db: CasebookDb, ...matterIds: string[]): Promise<StoredReadRows> {
  // One index read per matter, all in flight together: anyOf walks a cursor key by key, which
  // was a tenth of a first sync's time.
  const [parties, dueActions] = await Promise.all([
    Promise.all(matterIds.map((id) => db.parties.where('matterId').equals(id).toArray())),
    Promise.all(matterIds.map((id) => db.dueActions.where('matterId').equals(id).toArray())),
  ])
  return { parties: parties.flat(), dueActions: dueActions.flat() }
}

/**
 * The read rows of many matters at once, in a few bulk requests. Party and due-action rows are
 * compared with those stored (read here, or by the caller in the same transaction) and only
 * the changed ones written: most steps change neither.
 */
export async function writeReadRowsOf(
  db: CasebookDb,
  states: readonly MatterState[],
  now: string,
  stored?: StoredReadRows,
): Promise<void> {
  if (states.length === 0) return
  const rows = states.map((state) => readRowsOf(state, now))
  const { parties, dueActions } = stored ?? (await storedReadRows(db, ...states.map((s) => s.id)))
  const partyChanges = changed(parties, rows.flatMap((r) => r.parties))
  const dueChanges = changed(dueActions, rows.flatMap((r) => r.dueActions))
  await Promise.all([
    db.matters.bulkPut(rows.map((r) => r.matter)),
    partyChanges.gone.length > 0 ? db.parties.bulkDelete(partyChanges.gone) : undefined,
    partyChanges.put.length > 0 ? db.parties.bulkPut(partyChanges.put) : undefined,
    dueChanges.gone.length > 0 ? db.dueActions.bulkDelete(dueChanges.gone) : undefined,
    dueChanges.put.length > 0 ? db.dueActions.bulkPut(dueChanges.put) : undefined,
  ])
}

function changed<T extends { id: string }>(stored: readonly T[], fresh: readonly T[]): { put: T[]; gone: string[] } {
  const before = new Map(stored.map((r) => [r.id, JSON.stringify(r)]))
  const ids = new Set(fresh.map((r) => r.id))
  return {
    put: fresh.filter((r) => before.get(r.id) !== JSON.stringify(r)),
    gone: stored.filter((r) => !ids.has(r.id)).map((r) => r.id),
  }
}

/** Fold a matter from its stored events and rewrite its read rows. */
export async function refoldMatter(db: CasebookDb, matterId: string, now: string): Promise<MatterState | null> {
  const state = fold(await matterEvents(db, matterId))
  if (state) await writeReadRows(db, state, now)
  return state
}

/**
 * Rebuild every read table from `events` alone: after a schema change, a corrupt row, or a new
 * version of the rules. The result equals what incremental recording produced.
 */
export async function rebuildReadTables(db: CasebookDb, now: string): Promise<number> {
  return db.transaction('rw', [db.events, db.matters, db.parties, db.dueActions], async () => {
    await Promise.all([db.matters.clear(), db.parties.clear(), db.dueActions.clear()])
    const byMatter = new Map<string, StoredEvent[]>()
    await db.events.each((e) => {
      const list = byMatter.get(e.matterId)
      if (list) list.push(e)
      else byMatter.set(e.matterId, [e])
    })
    const states: MatterState[] = []
    for (const events of byMatter.values()) {
      const state = fold(events.sort(compareStoredEvents))
      if (state) states.push(state)
    }
    for (let start = 0; start < states.length; start += 250) await writeReadRowsOf(db, states.slice(start, start + 250), now)
    return states.length
  })
}

/** Due dates move as days pass (R14's next key date): re-evaluate every open matter for today. */
export async function refreshDueActions(db: CasebookDb, now: string): Promise<void> {
  await db.transaction('rw', [db.matters, db.parties, db.dueActions], async () => {
    const open = await db.matters.where('phase').notEqual('closed').toArray()
    for (const row of open) await writeReadRows(db, row.state, now)
  })
}
