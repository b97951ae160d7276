import type { CasebookDb } from '../db/database.ts'
import { fileRow, filesNotUploaded, markUploaded, markUploading, uploadFailed, uploadsDue } from '../db/files.ts'
import type { DomainEvent } from '../domain/events.ts'
import { filesOf } from '../domain/files.ts'
import type { HttpClient } from './http-client.ts'
import type { HttpFailure } from './http-failure.ts'

// The upload queue's side of a sync (DESIGN.md "Evidence files"): a device uploads a file before
// it pushes the event that references it. Each file goes whole, by its hash; a dropped connection
// leaves it queued, tried again with back-off, and "already held" (200) counts as done, so a
// retry after an answer that never arrived costs nothing but the bytes.

export type UploadDeps = { db: CasebookDb; http: HttpClient; now: () => string; backoffMs: (failures: number) => number }

/** How often progress is written to the store while bytes go: enough for "Uploading 40%". */
const progressEveryMs = 250

/**
 * Uploads every queued file whose back-off has passed. Returns the failure that stopped it when
 * the server cannot be reached or the session has ended (nothing else will get through either),
 * else null: a file the server refused stays queued with its reason, and the others go on.
 */
export async function uploadDueFiles(deps: UploadDeps, token: string): Promise<HttpFailure | null> {
  const { db, http, now } = deps
  for (const queued of await uploadsDue(db, now())) {
    const row = await fileRow(db, queued.sha256)
    const retryAt = new Date(Date.parse(now()) + deps.backoffMs(queued.attempts + 1)).toISOString()
    if (!row?.blob) {
      await uploadFailed(db, queued.sha256, 'The file is not on this device.', retryAt)
      continue
    }
    await markUploading(db, row.sha256, 0)
    let writes = Promise.resolve()
    let lastWrite = 0
    const result = await http.putFile(token, row.sha256, row.blob, (sent) => {
      const t = Date.now()
      if (t - lastWrite < progressEveryMs) return
      lastWrite = t
      writes = writes.then(() => markUploading(db, row.sha256, Math.min(sent, row.size)))
    })
    await writes
    if (result.ok) {
      await markUploaded(db, row.sha256)
      continue
    }
    await uploadFailed(db, row.sha256, result.message, retryAt)
    if (result.status === 0 || result.status === 401) return result
  }
  return null
}

/**
 * The events of a batch that may be pushed now: those whose files the server holds. A matter's
 * later events wait behind one that waits for its files, so the server sees them in order.
 */
export async function eventsReadyToPush(db: CasebookDb, events: readonly DomainEvent[]): Promise<{ ready: DomainEvent[]; waiting: number }> {
  const waitingFiles = await filesNotUploaded(db, events.flatMap((e) => filesOf(e.payload).map((f) => f.sha256)))
  const blockedMatters = new Set<string>()
  const ready: DomainEvent[] = []
  for (const e of events) {
    if (!blockedMatters.has(e.matterId) && filesOf(e.payload).every((f) => !waitingFiles.has(f.sha256))) ready.push(e)
    else blockedMatters.add(e.matterId)
  }
  return { ready, waiting: events.length - ready.length }
}
