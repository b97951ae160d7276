import type { DiaryEntryRequest } from '../api/public-diary.ts'

// The phone's own store (raw IndexedDB: no library, so the page stays small). It owns every
// entry the complainant writes, with its photos and recordings, until the council has it, and
// after: an entry is marked sent, never deleted, so the page can say when each one was sent.

export type HeldFile = { sha256: string; name: string; mediaType: string; size: number; blob: Blob }

export type StoredEntry = {
  id: string
  /** The link it belongs to: one phone may hold more than one. */
  token: string
  entry: DiaryEntryRequest
  files: HeldFile[]
  savedAt: string
  sentAt: string | null
  /** Why the council's server would not take it (kept, shown, not sent again). */
  problem?: string
}

const dbName = 'casebook-diary'
const entries = 'entries'
const settings = 'settings'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('The phone’s storage refused the request.'))
  })
}

export function openDiaryStore(name = dbName): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1)
  open.onupgradeneeded = () => {
    const db = open.result
    db.createObjectStore(entries, { keyPath: 'id' }).createIndex('token', 'token')
    db.createObjectStore(settings)
  }
  return request(open)
}

/** Resolves once the write is on disk (the transaction completed), not merely queued. */
function write(db: IDBDatabase, store: string, fn: (s: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' })
    fn(tx.objectStore(store))
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('The entry could not be saved on this phone.'))
    tx.onabort = () => reject(tx.error ?? new Error('The entry could not be saved on this phone.'))
  })
}

export function saveEntry(db: IDBDatabase, entry: StoredEntry): Promise<void> {
  return write(db, entries, (s) => s.put(entry))
}

/** The link's entries, oldest first (as written). */
export async function entriesFor(db: IDBDatabase, token: string): Promise<StoredEntry[]> {
  const tx = db.transaction(entries, 'readonly')
  const all = await request(tx.objectStore(entries).index('token').getAll(token) as IDBRequest<StoredEntry[]>)
  return all.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0))
}

export async function markSent(db: IDBDatabase, id: string, sentAt: string): Promise<void> {
  const tx = db.transaction(entries, 'readonly')
  const stored = (await request(tx.objectStore(entries).get(id))) as StoredEntry | undefined
  if (stored && !stored.sentAt) await saveEntry(db, { ...stored, sentAt })
}

export async function markRefused(db: IDBDatabase, id: string, problem: string): Promise<void> {
  const tx = db.transaction(entries, 'readonly')
  const stored = (await request(tx.objectStore(entries).get(id))) as StoredEntry | undefined
  if (stored && !stored.sentAt) await saveEntry(db, { ...stored, problem })
}

/** Small things the page keeps between visits: the last link opened, the council's contacts. */
export function putSetting(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  return write(db, settings, (s) => s.put(value, key))
}

export async function getSetting(db: IDBDatabase, key: string): Promise<unknown> {
  const tx = db.transaction(settings, 'readonly')
  return request(tx.objectStore(settings).get(key))
}
