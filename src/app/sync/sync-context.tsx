import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import type { SyncEngine, SyncStatus } from '../../sync/sync-engine.ts'
import { createSyncEngine } from '../../sync/sync-engine.ts'
import type { HttpClient } from '../../sync/http-client.ts'
import { useServices } from '../services.tsx'

// One sync engine per signed-in session, started with the app and stopped at sign-out.

const SyncContext = createContext<SyncEngine | null>(null)

export function SyncProvider({ http, children }: { http: HttpClient; children: ReactNode }) {
  const { db, deviceId, profile, now } = useServices()
  const token = profile?.token ?? null
  const engine = useMemo(
    () =>
      createSyncEngine({
        db,
        http,
        deviceId,
        now,
        token: () => token,
        locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
      }),
    [db, http, deviceId, now, token],
  )
  useEffect(() => (token ? engine.start(window) : undefined), [engine, token])
  return <SyncContext.Provider value={engine}>{children}</SyncContext.Provider>
}

const idle: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null, lastError: null }

export function useSyncStatus(): SyncStatus {
  const engine = useContext(SyncContext)
  return useSyncExternalStore(
    (listener) => engine?.subscribe(listener) ?? (() => undefined),
    () => engine?.status() ?? idle,
  )
}

export function useSyncNow(): () => void {
  const engine = useContext(SyncContext)
  return () => void engine?.syncNow()
}
