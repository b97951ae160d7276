import type { StaffMember } from '../api/users-staff.ts'
import type { DomainEvent } from '../domain/events.ts'
import type { DueAction } from '../domain/evaluate.ts'
import { evaluate } from '../domain/evaluate.ts'
import type { MatterState, Party } from '../domain/matter-state.ts'
import type { Phase } from '../domain/phases.ts'
import type { RiskLevel } from '../domain/risk-matrix.ts'
import type { Refusal } from '../domain/refusal.ts'

// The shapes stored on the device, and the pure mapping from a folded matter to its read rows.
// IndexedDB cannot index null, so "none" values are stored as sortable sentinels.

export const noOfficer = ''
export const noDueDate = '9999-12-31'

/**
 * An event as stored on the device: the server's `seq` once accepted, null while pending. Pulled
 * events also keep when they reached the server and their link in the matter's tamper-evident
 * chain (not indexed: no new schema version), which `domain/chain-check.ts` checks.
 */
export type StoredEvent = DomainEvent & { seq: number | null; receivedAt?: string; hash?: string }

export type OutboxRow = {
  eventId: string
  matterId: string
  queuedAt: string
  status: 'pending' | 'rejected'
  attempts: number
  refusal: Refusal | null
  /** A rejected event leaves `events` (it is not part of the matter) but is kept here to show. */
  event?: DomainEvent
}

export type MatterRow = {
  id: string
  reference: string
  phase: Phase
  assignedOfficerId: string
  riskLevel: RiskLevel | 'none'
  nextDueOn: string
  updatedAt: string
  /** The folded matter, so opening it needs no replay of its history. */
  state: MatterState
  /**
   * The ids of this matter's rows in `parties` and `dueActions`, so a step replaces them without
   * reading them first (an index read per table was most of a diary entry's save, issue 5).
   * Absent on rows a device wrote before it existed: those are read from the tables.
   */
  readRows?: { parties: string[]; dueActions: string[] }
}

export type PartyRow = Party & { id: string; matterId: string }

export type DueActionRow = Omit<DueAction, 'status'> & {
  id: string
  matterId: string
  reference: string
  assignedOfficerId: string
}

export type MetaRow = { key: string; value: unknown }

export type DraftRow = { key: string; updatedAt: string; value: unknown }

/**
 * An evidence file on this device. `local`: captured here, the server does not hold it yet (never
 * evicted); `uploading`: on its way, `bytesSent` so far; `uploaded`: the server holds it, so the
 * bytes here are a copy the storage budget may free (`blob` null then: the row keeps the state).
 */
export type FileRow = {
  sha256: string
  blob: Blob | null
  mediaType: string
  size: number
  name: string
  matterId: string
  capturedAt: string
  state: 'local' | 'uploading' | 'uploaded'
  bytesSent: number
  lastOpenedAt: string
}

export type UploadRow = {
  sha256: string
  queuedAt: string
  attempts: number
  /** Not tried again before this instant (back-off after a failure). */
  retryAt: string
  lastError: string | null
}

export type RecordingChunkRow = {
  id?: number
  recordingId: string
  matterId: string
  startedAt: string
  mediaType: string
  blob: Blob
}

/** An officer or manager, as GET /api/users/staff gives them: id, name and role only. */
export type StaffRow = StaffMember

export type ReadRows = { matter: MatterRow; parties: PartyRow[]; dueActions: DueActionRow[] }

export function readRowsOf(state: MatterState, now: string): ReadRows {
  const assignedOfficerId = state.assignedOfficerId ?? noOfficer
  const { dueActions, automaticClosure } = evaluate(state, now)
  const rows: DueActionRow[] = dueActions.map(({ status: _status, ...action }) => ({
    ...action,
    id: `${state.id}|${action.key}`,
    matterId: state.id,
    reference: state.reference,
    assignedOfficerId,
  }))
  const officerDates = rows.filter((r) => r.forRole === 'officer').map((r) => r.dueOn)
  if (automaticClosure) officerDates.push(automaticClosure.deadline)
  const parties = state.parties.map((p) => ({ ...p, id: `${state.id}|${p.partyId}`, matterId: state.id }))
  return {
    matter: {
      id: state.id,
      reference: state.reference,
      phase: state.phase,
      assignedOfficerId,
      riskLevel: state.risk.current?.level ?? 'none',
      nextDueOn: officerDates.sort()[0] ?? noDueDate,
      updatedAt: state.updatedAt,
      state,
      readRows: { parties: parties.map((p) => p.id), dueActions: rows.map((r) => r.id) },
    },
    parties,
    dueActions: rows,
  }
}

/** The order a matter's events are folded in: the server's, then this device's pending ones. */
export function compareStoredEvents(a: StoredEvent, b: StoredEvent): number {
  if (a.seq !== null && b.seq !== null) return a.seq - b.seq
  if (a.seq !== null) return -1
  if (b.seq !== null) return 1
  // Device ids are monotonic UUIDv7 (domain/ids.ts): their order is the order of recording.
  return a.id.localeCompare(b.id)
}
