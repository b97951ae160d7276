import type { CasebookDb } from './database.ts'

// Half-typed forms, kept in IndexedDB as the officer types so a reload, a crash or a flat battery
// loses nothing. A draft is removed only once its entry has been recorded.

export async function readDraft<T>(db: CasebookDb, key: string): Promise<T | null> {
  const row = await db.drafts.get(key)
  return (row?.value as T | undefined) ?? null
}

export async function saveDraft(db: CasebookDb, key: string, value: unknown, now: string): Promise<void> {
  await db.drafts.put({ key, value, updatedAt: now })
}

export async function clearDraft(db: CasebookDb, key: string): Promise<void> {
  await db.drafts.delete(key)
}
