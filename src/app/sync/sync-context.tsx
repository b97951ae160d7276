import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import type { SyncEngine, SyncStatus } from '../../sync/sync-engine.ts'
import type { HttpClient } from '../../sync/http-client.ts'
import { useServices } from '../services.tsx'

// One sync engine per signed-in session, started with the app and stopped at sign-out.
// The engine (and, through it, folding and zod's event schemas) is not loaded with the app:
// drawing the first screen needs none of it (issue 5, offline cold start). It loads when the
// browser is first idle, and, on a device opened offline, only once the network is back: there
// is nothing it could send or fetch before. Until then the status is idle and "sync now" does
// nothing; the engine syncs as soon as it starts.

const SyncContext = createContext<SyncEngine | null>(null)

function whenIdle(run: () => void): () => void {
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 2_000 })
    return () => window.cancelIdleCallback(handle)
  }
  const handle = window.setTimeout(run, 200)
  return () => window.clearTimeout(handle)
}

function whenOnlineAndIdle(run: () => void): () => void {
  let cancelIdle: (() => void) | undefined
  const online = () => {
    window.removeEventListener('online', online)
    cancelIdle = whenIdle(run)
  }
  if (navigator.onLine) online()
  else window.addEventListener('online', online)
  return () => {
    window.removeEventListener('online', online)
    cancelIdle?.()
  }
}

export function SyncProvider({ http, children }: { http: HttpClient; children: ReactNode }) {
  const { db, deviceId, profile, now } = useServices()
  const token = profile?.token ?? null
  const [engine, setEngine] = useState<SyncEngine | null>(null)
  useEffect(() => {
    let stop: (() => void) | undefined
    let cancelled = false
    const cancelWait = whenOnlineAndIdle(() => {
      void import('../../sync/sync-engine.ts').then(({ createSyncEngine }) => {
        if (cancelled) return
        const next = createSyncEngine({ db, http, deviceId, now, token: () => token, locks: navigator.locks })
        setEngine(next)
        if (token) stop = next.start(window)
      })
    })
    return () => {
      cancelled = true
      cancelWait()
      stop?.()
    }
  }, [db, http, deviceId, now, token])
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
