import type { Role } from '../domain/vocabulary.ts'
import { newId } from './new-id.ts'
import type { CasebookDb } from './database.ts'

// What this device knows about itself: its id (stamped on every event it records) and the
// signed-in person, kept so the app works offline after the first sign-in.

/** The signed-in person, kept for offline use; the token is the server session (DESIGN.md). */
export type Profile = { id: string; name: string; role: Role; username: string; token: string; expiresAt: string }

export async function deviceId(db: CasebookDb, now: string): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('deviceId')
    if (typeof existing?.value === 'string') return existing.value
    const id = newId(now)
    await db.meta.put({ key: 'deviceId', value: id })
    return id
  })
}

export async function readProfile(db: CasebookDb): Promise<Profile | null> {
  const row = await db.meta.get('profile')
  return (row?.value as Profile | undefined) ?? null
}

export async function saveProfile(db: CasebookDb, profile: Profile | null): Promise<void> {
  if (profile) await db.meta.put({ key: 'profile', value: profile })
  else await db.meta.delete('profile')
}

/**
 * Sign-out on a shared tablet: nothing of the last person's caseload may stay for the next one.
 * Refused while entries wait to be sent: they exist nowhere else.
 */
export async function clearDeviceData(db: CasebookDb): Promise<{ ok: true } | { ok: false; pending: number; files: number }> {
  const tables = [db.events, db.outbox, db.matters, db.parties, db.dueActions, db.meta, db.drafts, db.staff, db.files, db.uploadQueue, db.recordingChunks]
  return db.transaction('rw', tables, async () => {
    // Files not yet uploaded and unfinished recordings are evidence that exists nowhere else, too.
    const [pending, uploads, recordings] = await Promise.all([db.outbox.count(), db.uploadQueue.count(), db.recordingChunks.orderBy('recordingId').uniqueKeys()])
    const files = uploads + recordings.length
    if (pending + files > 0) return { ok: false as const, pending, files }
    await Promise.all([
      db.events.clear(),
      db.matters.clear(),
      db.parties.clear(),
      db.dueActions.clear(),
      db.drafts.clear(),
      db.staff.clear(),
      db.files.clear(),
    ])
    await Promise.all([db.meta.delete('profile'), db.meta.delete('pullCursor')])
    return { ok: true as const }
  })
}
