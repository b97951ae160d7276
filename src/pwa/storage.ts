// Persistent storage: without it the browser may evict IndexedDB under pressure, and with it an
// officer's unsynced work. Asked for after the first real use (browsers grant it more readily to
// a site that is being used), and shown in Settings with how much space is used.

export type StorageStatus = { persisted: boolean; usage: number | null; quota: number | null }

export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false
  if (await navigator.storage.persisted()) return true
  return navigator.storage.persist()
}

export async function storageStatus(): Promise<StorageStatus> {
  const persisted = (await navigator.storage?.persisted?.()) ?? false
  const estimate = await navigator.storage?.estimate?.()
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown'
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}
