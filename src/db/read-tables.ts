import type { MatterState } from '../domain/matter-state.ts'
import { fold } from '../domain/fold.ts'
import type { CasebookDb } from './database.ts'
import { matterEvents, openMatters } from './queries.ts'
import { compareStoredEvents, readRowsOf } from './rows.ts'
import type { MatterRow, StoredEvent } from './rows.ts'

// Writing and rebuilding the read tables. Called inside a transaction that covers `matters`,
// `parties` and `dueActions`; never on its own, so the tables cannot disagree with `events`.

export async function writeReadRows(db: CasebookDb, state: MatterState, now: string): Promise<void> {
  await writeReadRowsOf(db, [state], now)
}

/**
 * The read rows of many matters at once, in a few bulk requests. A matter's party and due-action
 * rows are replaced whole: the fresh ones put, the ones it no longer has deleted. Which ids it had
 * comes from its matter row (`readRows`), passed in by a caller that has just read it, or read here
 * in one request; nothing reads the party or due-action tables themselves (issue 5).
 */
export async function writeReadRowsOf(
  db: CasebookDb,
  states: readonly MatterState[],
  now: string,
  storedRows?: readonly (MatterRow | undefined)[],
): Promise<void> {
  if (states.length === 0) return
  const rows = states.map((state) => readRowsOf(state, now))
  const before = await readRowIdsOf(db, states.map((s) => s.id), storedRows)
  const parties = rows.flatMap((r) => r.parties)
  const dueActions = rows.flatMap((r) => r.dueActions)
  const goneParties = without(before.parties, parties)
  const goneDue = without(before.dueActions, dueActions)
  await Promise.all([
    db.matters.bulkPut(rows.map((r) => r.matter)),
    goneParties.length > 0 ? db.parties.bulkDelete(goneParties) : undefined,
    parties.length > 0 ? db.parties.bulkPut(parties) : undefined,
    goneDue.length > 0 ? db.dueActions.bulkDelete(goneDue) : undefined,
    dueActions.length > 0 ? db.dueActions.bulkPut(dueActions) : undefined,
  ])
}

/** The ids of the party and due-action rows some matters have now. */
async function readRowIdsOf(
  db: CasebookDb,
  matterIds: readonly string[],
  storedRows?: readonly (MatterRow | undefined)[],
): Promise<{ parties: string[]; dueActions: string[] }> {
  const stored = storedRows ?? (await db.matters.bulkGet([...matterIds]))
  const parties = stored.flatMap((r) => r?.readRows?.parties ?? [])
  const dueActions = stored.flatMap((r) => r?.readRows?.dueActions ?? [])
  // Rows written before `readRows` existed: ask the tables, once per such matter.
  const older = stored.filter((r): r is MatterRow => r !== undefined && r.readRows === undefined).map((r) => r.id)
  if (older.length > 0) {
    const [p, d] = await Promise.all([
      Promise.all(older.map((id) => db.parties.where('matterId').equals(id).primaryKeys())),
      Promise.all(older.map((id) => db.dueActions.where('matterId').equals(id).primaryKeys())),
    ])
    parties.push(...p.flat())
    dueActions.push(...d.flat())
  }
  return { parties, dueActions }
}

function without(ids: readonly string[], kept: readonly { id: string }[]): string[] {
  const keep = new Set(kept.map((r) => r.id))
  return ids.filter((id) => !keep.has(id))
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
    // The tables were just cleared: no matter has rows to replace.
    for (let start = 0; start < states.length; start += 250) {
      const chunk = states.slice(start, start + 250)
      await writeReadRowsOf(db, chunk, now, chunk.map(() => undefined))
    }
    return states.length
  })
}

/** Due dates move as days pass (R14's next key date): re-evaluate every open matter for today. */
export async function refreshDueActions(db: CasebookDb, now: string): Promise<void> {
  await db.transaction('rw', [db.matters, db.parties, db.dueActions], async () => {
    const open = await openMatters(db)
    await writeReadRowsOf(db, open.map((row) => row.state), now, open)
  })
}
