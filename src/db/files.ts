import type { DomainEvent } from '../domain/events.ts'
import { filesOf } from '../domain/files.ts'
import type { CasebookDb } from './database.ts'
import type { FileRow, UploadRow } from './rows.ts'

// Evidence files on the device (DESIGN.md "Evidence files"): their bytes by SHA-256 and the queue
// that takes them to the server. A captured file is written with the step that references it, in
// the step's transaction (record-event.ts), so an entry is never saved without its bytes, nor bytes
// queued for an entry that was not saved. The upload itself is src/sync's; it reports here.

/** A file as the capture made it: its bytes, already hashed. */
export type CapturedFile = {
  sha256: string
  blob: Blob
  mediaType: string
  name: string
  capturedAt: string
  /** A recording made in the app: its chunks leave in the same transaction (db/recordings.ts). */
  recordingId?: string
}

/** Of the files an event's payload references, those this device neither was given nor holds. */
export async function filesMissingFrom(db: CasebookDb, payload: unknown, captured: readonly CapturedFile[]): Promise<string[]> {
  const given = new Set(captured.filter((f) => f.blob.size > 0).map((f) => f.sha256))
  const others = filesOf(payload).map((f) => f.sha256).filter((sha) => !given.has(sha))
  const held = await db.files.bulkGet(others)
  return others.filter((_, i) => !held[i]?.blob)
}

/** Inside the step's transaction: the captured files' bytes and their places in the upload queue. */
export async function queueCapturedFiles(db: CasebookDb, event: DomainEvent, captured: readonly CapturedFile[], now: string): Promise<void> {
  const referenced = new Set(filesOf(event.payload).map((f) => f.sha256))
  const files = captured.filter((f) => referenced.has(f.sha256))
  const existing = await db.files.bulkGet(files.map((f) => f.sha256))
  const rows: FileRow[] = []
  const queue: UploadRow[] = []
  files.forEach((f, i) => {
    const held = existing[i]
    // The same photo attached twice: one copy, and the server already holding it stays so.
    if (held?.blob && held.state === 'uploaded') return
    rows.push({
      sha256: f.sha256,
      blob: f.blob,
      mediaType: f.mediaType,
      size: f.blob.size,
      name: f.name,
      matterId: event.matterId,
      capturedAt: f.capturedAt,
      state: 'local',
      bytesSent: 0,
      lastOpenedAt: now,
    })
    queue.push({ sha256: f.sha256, queuedAt: now, attempts: 0, retryAt: now, lastError: null })
  })
  const recordings = files.flatMap((f) => (f.recordingId ? [f.recordingId] : []))
  await Promise.all([
    db.files.bulkPut(rows),
    db.uploadQueue.bulkPut(queue),
    recordings.length > 0 ? db.recordingChunks.where('recordingId').anyOf(recordings).delete() : undefined,
  ])
}

/** The files waiting to go up whose back-off has passed, oldest first. */
export async function uploadsDue(db: CasebookDb, now: string): Promise<UploadRow[]> {
  const rows = await db.uploadQueue.where('retryAt').belowOrEqual(now).toArray()
  return rows.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
}

/** Of these files, those the server is not yet known to hold (an event waits for them). */
export async function filesNotUploaded(db: CasebookDb, sha256s: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(sha256s)]
  const queued = await db.uploadQueue.bulkGet(unique)
  return new Set(unique.filter((_, i) => queued[i] !== undefined))
}

export async function fileRow(db: CasebookDb, sha256: string): Promise<FileRow | undefined> {
  return db.files.get(sha256)
}

export async function fileRows(db: CasebookDb, sha256s: readonly string[]): Promise<FileRow[]> {
  const rows = await db.files.bulkGet([...new Set(sha256s)])
  return rows.filter((r): r is FileRow => r !== undefined)
}

export async function queuedUploads(db: CasebookDb, sha256s: readonly string[]): Promise<UploadRow[]> {
  const rows = await db.uploadQueue.bulkGet([...new Set(sha256s)])
  return rows.filter((r): r is UploadRow => r !== undefined)
}

/** Progress of an upload, as the bytes go. */
export async function markUploading(db: CasebookDb, sha256: string, bytesSent: number): Promise<void> {
  await db.files.update(sha256, { state: 'uploading', bytesSent })
}

/** The server holds the file (stored now, or already held): it leaves the queue. */
export async function markUploaded(db: CasebookDb, sha256: string): Promise<void> {
  await db.transaction('rw', [db.files, db.uploadQueue], async () => {
    const row = await db.files.get(sha256)
    if (row) await db.files.put({ ...row, state: 'uploaded', bytesSent: row.size })
    await db.uploadQueue.delete(sha256)
  })
}

/**
 * An upload failed (the connection dropped, the server was busy): the file stays queued, tried
 * again after `retryAt`. Its bytes were never at risk; it starts over from the first byte.
 */
export async function uploadFailed(db: CasebookDb, sha256: string, error: string, retryAt: string): Promise<void> {
  await db.transaction('rw', [db.files, db.uploadQueue], async () => {
    const queued = await db.uploadQueue.get(sha256)
    if (!queued) return
    await db.uploadQueue.put({ ...queued, attempts: queued.attempts + 1, retryAt, lastError: error })
    await db.files.update(sha256, { state: 'local', bytesSent: 0 })
  })
}

/** The server says an event's file is missing though this device thought it sent it: queue it again. */
export async function requeueFiles(db: CasebookDb, sha256s: readonly string[], now: string): Promise<void> {
  await db.transaction('rw', [db.files, db.uploadQueue], async () => {
    const rows = await db.files.bulkGet([...sha256s])
    for (const row of rows) {
      if (!row?.blob) continue
      await db.files.put({ ...row, state: 'local', bytesSent: 0 })
      if (!(await db.uploadQueue.get(row.sha256))) {
        await db.uploadQueue.put({ sha256: row.sha256, queuedAt: now, attempts: 0, retryAt: now, lastError: null })
      }
    }
  })
}
