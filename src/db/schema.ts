import type { Dexie } from 'dexie'

// The device database's versioned schema. Only ids, dates, phases and risk levels are indexed:
// personal data (names, contact details, free text) lives in unindexed fields, so encrypting
// them on the device later (DESIGN.md) needs no index change. A new version is added below the
// last one, never by editing an old one: devices in the field upgrade from every earlier version.

export const databaseName = 'casebook'

export const schemaVersions: { version: number; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    stores: {
      // The source of truth: every event on this device, synced or not.
      events: 'id, matterId, seq, recordedAt',
      // Events not yet accepted by the server; rejected ones stay until the officer acts on them.
      outbox: 'eventId, status, queuedAt',
      // Read tables, rebuilt from `events` whenever needed.
      matters: 'id, phase, assignedOfficerId, riskLevel, nextDueOn, updatedAt, [assignedOfficerId+nextDueOn]',
      parties: 'id, matterId, partyId',
      dueActions: 'id, matterId, dueOn, forRole, [assignedOfficerId+dueOn]',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // Half-typed forms (the diary entry above all) survive a reload or a flat battery.
      drafts: 'key, updatedAt',
    },
  },
  {
    version: 3,
    stores: {
      // The officers and managers, so a matter shows who has it and a manager can allocate it offline.
      staff: 'id',
    },
  },
  {
    version: 4,
    stores: {
      // Evidence files (DESIGN.md "Evidence files"): the bytes by their SHA-256, captured here or
      // fetched when opened. Indexed by matter (kept while the matter is open on the device), by
      // upload state, and by when last opened (what the budget frees first).
      files: 'sha256, matterId, state, lastOpenedAt',
      // Files waiting to go to the server, retried with back-off until it holds them.
      uploadQueue: 'sha256, retryAt',
      // An audio recording as it is made, a chunk a second, so a closed app loses at most a second.
      recordingChunks: '++id, recordingId',
    },
  },
]

export function declareSchema(db: Dexie, upTo = schemaVersions.length): void {
  for (const { version, stores } of schemaVersions.slice(0, upTo)) db.version(version).stores(stores)
}
