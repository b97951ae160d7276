import type { CasebookDb } from './database.ts'
import type { FileRow } from './rows.ts'

// Files fetched from the server when opened are kept for offline use while their matter is open
// on the device, within a budget the officer sees in Settings (DESIGN.md "Evidence files"). Only
// a copy the server holds is ever freed: a file captured here and not yet uploaded is the only
// copy of that evidence, whatever the budget says.

export const defaultFileBudgetBytes = 500 * 1024 * 1024
const budgetKey = 'fileBudgetBytes'

export async function fileBudget(db: CasebookDb): Promise<number> {
  const row = await db.meta.get(budgetKey)
  return typeof row?.value === 'number' && row.value > 0 ? row.value : defaultFileBudgetBytes
}

export async function setFileBudget(db: CasebookDb, bytes: number): Promise<void> {
  await db.meta.put({ key: budgetKey, value: bytes })
}

export type FileStorageUse = {
  /** Bytes of files held here, all told. */
  used: number
  /** Of those, bytes the server does not hold yet: never freed. */
  notUploaded: number
  /** Bytes that could be freed (copies of what the server holds). */
  freeable: number
  count: number
  budget: number
}

export async function fileStorageUse(db: CasebookDb): Promise<FileStorageUse> {
  const [rows, budget] = await Promise.all([db.files.toArray(), fileBudget(db)])
  const held = rows.filter((r) => r.blob)
  const notUploaded = held.filter((r) => r.state !== 'uploaded').reduce((n, r) => n + r.size, 0)
  const used = held.reduce((n, r) => n + r.size, 0)
  return { used, notUploaded, freeable: used - notUploaded, count: held.length, budget }
}

/** A file was opened: it is the last the budget frees. */
export async function touchFile(db: CasebookDb, sha256: string, now: string): Promise<void> {
  await db.files.update(sha256, { lastOpenedAt: now })
}

/**
 * A file fetched from the server, kept for offline use; then the budget is applied, keeping this
 * one. Stored as `uploaded`: the server holds it.
 */
export async function keepFetchedFile(db: CasebookDb, file: Omit<FileRow, 'state' | 'bytesSent' | 'lastOpenedAt'>, now: string): Promise<void> {
  await db.files.put({ ...file, state: 'uploaded', bytesSent: file.size, lastOpenedAt: now })
  await applyFileBudget(db, new Set([file.sha256]))
}

/**
 * Frees copies until the files fit the budget: first those of matters that are closed or no
 * longer on the device, then the least recently opened. Returns the bytes freed.
 */
export async function applyFileBudget(db: CasebookDb, keep: ReadonlySet<string> = new Set(), budget?: number): Promise<number> {
  const limit = budget ?? (await fileBudget(db))
  return db.transaction('rw', [db.files, db.matters], async () => {
    const rows = (await db.files.toArray()).filter((r) => r.blob)
    let used = rows.reduce((n, r) => n + r.size, 0)
    if (used <= limit) return 0
    const matters = await db.matters.bulkGet([...new Set(rows.map((r) => r.matterId))])
    const openMatters = new Set(matters.filter((m) => m && m.phase !== 'closed').map((m) => m!.id))
    const freeable = rows
      .filter((r) => r.state === 'uploaded' && !keep.has(r.sha256))
      .sort((a, b) => Number(openMatters.has(a.matterId)) - Number(openMatters.has(b.matterId)) || a.lastOpenedAt.localeCompare(b.lastOpenedAt))
    let freed = 0
    for (const row of freeable) {
      if (used <= limit) break
      await db.files.update(row.sha256, { blob: null })
      used -= row.size
      freed += row.size
    }
    return freed
  })
}

/** "Free space" in Settings: every copy the server holds goes; nothing not yet uploaded. */
export async function freeFileSpace(db: CasebookDb): Promise<number> {
  return applyFileBudget(db, new Set(), 0)
}
