import type { MatterState } from '../domain/matter-state.ts'
import { fold } from '../domain/fold.ts'
import type { CasebookDb } from './database.ts'
import { compareStoredEvents, readRowsOf } from './rows.ts'
import type { StoredEvent } from './rows.ts'

// Writing and rebuilding the read tables. Called inside a transaction that covers `matters`,
// `parties` and `dueActions`; never on its own, so the tables cannot disagree with `events`.

export async function writeReadRows(db: CasebookDb, state: MatterState, now: string): Promise<void> {
  const rows = readRowsOf(state, now)
  await Promise.all([
    db.parties.where('matterId').equals(state.id).delete(),
    db.dueActions.where('matterId').equals(state.id).delete(),
  ])
  await Promise.all([
    db.matters.put(rows.matter),
    db.parties.bulkPut(rows.parties),
    db.dueActions.bulkPut(rows.dueActions),
  ])
}

export async function matterEvents(db: CasebookDb, matterId: string): Promise<StoredEvent[]> {
  const events = await db.events.where('matterId').equals(matterId).toArray()
  return events.sort(compareStoredEvents)
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
    let rebuilt = 0
    for (const events of byMatter.values()) {
      const state = fold(events.sort(compareStoredEvents))
      if (!state) continue
      await writeReadRows(db, state, now)
      rebuilt += 1
    }
    return rebuilt
  })
}

/** Due dates move as days pass (R14's next key date): re-evaluate every open matter for today. */
export async function refreshDueActions(db: CasebookDb, now: string): Promise<void> {
  await db.transaction('rw', [db.matters, db.parties, db.dueActions], async () => {
    const open = await db.matters.where('phase').notEqual('closed').toArray()
    for (const row of open) await writeReadRows(db, row.state, now)
  })
}
