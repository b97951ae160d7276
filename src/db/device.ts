import type { Role } from '../domain/vocabulary.ts'
import { newId } from './record-event.ts'
import type { CasebookDb } from './database.ts'

// What this device knows about itself: its id (stamped on every event it records) and the
// signed-in person, kept so the app works offline after the first sign-in.

export type Profile = { id: string; name: string; role: Role; username?: string }

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
