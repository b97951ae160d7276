import { Dexie } from 'dexie'
import type { EntityTable } from 'dexie'
import type { DraftRow, DueActionRow, MatterRow, MetaRow, OutboxRow, PartyRow, StaffRow, StoredEvent } from './rows.ts'
import { databaseName, declareSchema } from './schema.ts'

// The one module that owns the device's IndexedDB database. Everything else reads and writes
// through the functions in src/db, which keep `events`, `outbox` and the read tables consistent.

export type CasebookDb = Dexie & {
  events: EntityTable<StoredEvent, 'id'>
  outbox: EntityTable<OutboxRow, 'eventId'>
  matters: EntityTable<MatterRow, 'id'>
  parties: EntityTable<PartyRow, 'id'>
  dueActions: EntityTable<DueActionRow, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  drafts: EntityTable<DraftRow, 'key'>
  staff: EntityTable<StaffRow, 'id'>
}

export function openDatabase(name = databaseName, upToVersion?: number): CasebookDb {
  // No live-query cache: its default mode deep-clones every live query's result (a matter's 500
  // entries on each opening, 5,000 matters on each visit to search), and its optimistic updates
  // would show a step before its transaction commits, where the app says "saved" only after
  // (DESIGN.md). Live queries still run again when a write they read from commits.
  const db = new Dexie(name, { cache: 'disabled' }) as CasebookDb
  declareSchema(db, upToVersion)
  return db
}

/** The tables one recorded event touches; one transaction over all of them. */
export function writeTables(db: CasebookDb) {
  return [db.events, db.outbox, db.matters, db.parties, db.dueActions] as const
}
