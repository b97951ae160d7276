import { liveQuery } from 'dexie'
import type { ChainCheck } from '../domain/chain-check.ts'
import { checkChain } from '../domain/chain-check.ts'
import type { MatterState } from '../domain/matter-state.ts'
import type { CasebookDb } from './database.ts'
import type { DueActionRow, MatterRow, OutboxRow, StoredEvent } from './rows.ts'
import { compareStoredEvents } from './rows.ts'

// The reads the screens make. Lists use the indexes; search reads the matter rows once and
// filters in memory, because names and addresses are deliberately not indexed (DESIGN.md:
// personal fields stay unindexed so they can be encrypted on the device).

export async function dueActionsUpTo(db: CasebookDb, lastDay: string): Promise<DueActionRow[]> {
  return db.dueActions.where('dueOn').belowOrEqual(lastDay).sortBy('dueOn')
}

export async function openMatters(db: CasebookDb): Promise<MatterRow[]> {
  // Two plain key ranges, each one getAll. `notEqual('closed')` walks a cursor that steps over
  // every closed matter one by one, reading its whole row: most of a council's matters are
  // closed, and that walk was most of a manager's cold start (issue 5).
  const [before, after] = await Promise.all([
    db.matters.where('phase').below('closed').toArray(),
    db.matters.where('phase').above('closed').toArray(),
  ])
  return [...before, ...after]
}

export async function matterRow(db: CasebookDb, matterId: string): Promise<MatterRow | undefined> {
  return db.matters.get(matterId)
}

export async function matterEvents(db: CasebookDb, matterId: string): Promise<StoredEvent[]> {
  const events = await db.events.where('matterId').equals(matterId).toArray()
  return events.sort(compareStoredEvents)
}

/** Whether this device's copy of a matter reproduces the chain the server sent with it. */
export async function chainCheckOf(db: CasebookDb, matterId: string): Promise<ChainCheck> {
  return checkChain(await matterEvents(db, matterId))
}

export async function chronologyOf(db: CasebookDb, matterId: string): Promise<StoredEvent[]> {
  return matterEvents(db, matterId)
}

export async function outboxOf(db: CasebookDb, matterId?: string): Promise<OutboxRow[]> {
  const rows = await db.outbox.toArray()
  return matterId ? rows.filter((r) => r.matterId === matterId) : rows
}

export async function pendingCount(db: CasebookDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count()
}

/** Calls `listener` with the count of unsent entries now and whenever it changes; returns stop. */
export function watchPendingCount(db: CasebookDb, listener: (count: number) => void): () => void {
  // A failed read (the database closing at sign-out) only stops the watching; the sync timer goes on.
  const subscription = liveQuery(() => pendingCount(db)).subscribe({ next: listener, error: () => undefined })
  return () => subscription.unsubscribe()
}

export type SearchHit = { matter: MatterState; matched: string }

/** A matter's searchable fields, lower-cased once when the rows are read, not on every keystroke. */
export type SearchEntry = { matter: MatterState; text: string; fields: [string, string][] }

function haystack(s: MatterState): [string, string][] {
  const fields: [string, string][] = [
    [s.reference, 'reference'],
    [`${s.location.address} ${s.location.postcode ?? ''}`, 'address'],
    [s.description, 'description'],
    ...s.parties.map((p): [string, string] => [p.name, p.role.replace('_', ' ')]),
  ]
  return fields.map(([t, label]) => [t.toLowerCase(), label])
}

/** The search index of the device's matters, newest activity first (the order results list in). */
export function searchIndex(rows: readonly MatterRow[]): SearchEntry[] {
  return [...rows]
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .map((row) => {
      const fields = haystack(row.state)
      return { matter: row.state, text: fields.map(([t]) => t).join('\n'), fields }
    })
}

/**
 * Matters whose reference, address, description or a party's name contains every word typed:
 * the first `limit` (most recently active first) to show, and how many match in all.
 */
export function searchMatters(
  index: readonly SearchEntry[],
  query: string,
  limit = 50,
): { hits: SearchHit[]; total: number } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const hits: SearchHit[] = []
  if (words.length === 0) return { hits, total: 0 }
  let total = 0
  for (const entry of index) {
    if (!words.every((w) => entry.text.includes(w))) continue
    total += 1
    if (hits.length === limit) continue
    const first = entry.fields.find(([t]) => words.some((w) => t.includes(w)))
    hits.push({ matter: entry.matter, matched: first?.[1] ?? '' })
  }
  return { hits, total }
}

/** R1: open matters at the same address or with a party of the same name: a possible duplicate. */
export function possibleDuplicates(
  rows: readonly MatterRow[],
  report: { address: string; postcode?: string | undefined; names: string[] },
): MatterState[] {
  const norm = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '')
  const address = norm(report.address)
  const postcode = report.postcode ? norm(report.postcode) : ''
  const names = report.names.map(norm).filter((n) => n.length > 2)
  return rows
    .map((r) => r.state)
    .filter((s) => s.phase !== 'closed')
    .filter(
      (s) =>
        (address.length > 4 && norm(s.location.address) === address) ||
        (postcode && norm(s.location.postcode ?? '') === postcode && norm(s.location.address).slice(0, 4) === address.slice(0, 4)) ||
        s.parties.some((p) => names.includes(norm(p.name))),
    )
}
