import { Dexie } from 'dexie'
import type { EntityTable } from 'dexie'
import type {
  DraftRow,
  DueActionRow,
  FileRow,
  MatterRow,
  MetaRow,
  OutboxRow,
  PartyRow,
  RecordingChunkRow,
  StaffRow,
  StoredEvent,
  UploadRow,
} from './rows.ts'
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
  files: EntityTable<FileRow, 'sha256'>
  uploadQueue: EntityTable<UploadRow, 'sha256'>
  recordingChunks: EntityTable<RecordingChunkRow, 'id'>
}

export function openDatabase(name = databaseName, upToVersion?: number): CasebookDb {
  const db = new Dexie(name) as CasebookDb
  declareSchema(db, upToVersion)
  return db
}

/** The tables one recorded event touches; one transaction over all of them. */
export function writeTables(db: CasebookDb) {
  return [db.events, db.outbox, db.matters, db.parties, db.dueActions] as const
}
