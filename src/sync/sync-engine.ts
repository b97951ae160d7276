import type { CasebookDb } from '../db/database.ts'
import { pendingCount, watchPendingCount } from '../db/queries.ts'
import { applyPushResults, catchUpReadTables, pendingEvents, pullSession, readCursor } from '../db/server-events.ts'
import { saveStaff } from '../db/staff.ts'
import { requeueFiles } from '../db/files.ts'
import { eventsReadyToPush, uploadDueFiles } from './file-uploads.ts'
import type { HttpClient, HttpFailure } from './http-client.ts'

// Upload queued files, push the outbox, then pull after the cursor, then refresh the staff
// directory: on start, when
// the network comes back, when the app is shown again, soon after a step is recorded, and on a
// timer, backing off after failures.
// Never two syncs at once: one promise per tab, and a Web Lock across tabs of the same device.

export type SyncStatus = {
  state: 'idle' | 'syncing' | 'offline' | 'error' | 'signed_out'
  pending: number
  lastSyncedAt: string | null
  lastError: string | null
  /** Events received so far by the sync running now (a first sync brings thousands). */
  received?: number
}

// Structural types for the browser APIs used here, so this module also type-checks (and runs in
// tests) under Node, where the DOM library is not loaded.
type Locks = {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T> | T): Promise<T>
}
type Listenable = {
  addEventListener(type: string, listener: () => void): void
  removeEventListener(type: string, listener: () => void): void
}
type Page = Listenable & { document?: Listenable & { visibilityState: string } }

export type SyncDeps = {
  db: CasebookDb
  http: HttpClient
  deviceId: string
  token: () => string | null
  now: () => string
  /** Between pages of a big first sync: hand the main thread back to the UI. */
  yieldToUi?: () => Promise<void>
  locks?: Locks | undefined
  /** How soon after a step is recorded it is sent, when the device is online (default 2 s). */
  afterWriteMs?: number
  /**
   * The server does not hold files that pending events reference (DESIGN.md "Evidence files"):
   * the upload queue should send them. The events stay pending and go again next sync.
   */
  onMissingFiles?: (sha256s: string[]) => void
}

const pushBatch = 200
// Pages of 1,000: fewer requests and transactions on a first sync, still small on the wire.
const pullPage = 1_000
export const periodMs = 60_000
const maxBackoffMs = 5 * 60_000
/** People join and leave rarely: the staff directory is asked for at most this often. */
export const staffRefreshMs = 10 * 60_000

export function backoffMs(failures: number, random = Math.random()): number {
  if (failures <= 0) return 0
  const base = Math.min(maxBackoffMs, 1_000 * 2 ** (failures - 1))
  return Math.round(base / 2 + (base / 2) * random)
}

export function createSyncEngine(deps: SyncDeps) {
  let status: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null, lastError: null }
  const listeners = new Set<() => void>()
  let running: Promise<SyncStatus> | null = null
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  // Timers run only between start() and its stop: a one-off syncNow() (tests, a button) leaves none.
  let stopped = true
  /** A step was recorded since the last sync began: the next one comes soon, not on the timer. */
  let wrote = false
  let staffRefreshedAt: number | null = null
  const yieldToUi = deps.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

  function set(patch: Partial<SyncStatus>) {
    status = { ...status, ...patch }
    for (const listener of listeners) listener()
  }

  function fail(failure: HttpFailure): false {
    const state = failure.status === 0 ? 'offline' : failure.status === 401 ? 'signed_out' : 'error'
    set({ state, lastError: failure.message })
    return false
  }

  async function push(token: string): Promise<boolean> {
    // Files first: an event goes to the server only once the server holds its files (DESIGN.md).
    const uploadFailure = await uploadDueFiles({ db: deps.db, http: deps.http, now: deps.now, backoffMs }, token)
    if (uploadFailure) return fail(uploadFailure)
    for (;;) {
      const pending = await pendingEvents(deps.db, pushBatch)
      const { ready: events, waiting } = await eventsReadyToPush(deps.db, pending)
      if (events.length === 0) return true
      const result = await deps.http.push(token, { deviceId: deps.deviceId, events })
      if (!result.ok) return fail(result)
      // `missing_files` is not a refusal: the event stays pending, untouched, until its files
      // are on the server; the rest of the batch was still accepted or refused as usual.
      const settled = result.value.results.filter((r) => r.status !== 'missing_files')
      const missing = [...new Set(result.value.results.flatMap((r) => (r.status === 'missing_files' ? r.missing : [])))]
      await applyPushResults(deps.db, settled, deps.now())
      if (missing.length > 0) {
        // The files the server lacks are queued again; the event goes with a later sync.
        await requeueFiles(deps.db, missing, deps.now())
        deps.onMissingFiles?.(missing)
        return true
      }
      // Events waiting for files stay at the head of the outbox: asking again would bring them back.
      if (pending.length < pushBatch || waiting > 0) return true
    }
  }

  async function pull(token: string): Promise<boolean> {
    // Pages are stored as they come; the matters' read rows are written once, at the end (or
    // when the network fails part-way, for what arrived). A crash in between is caught up by
    // the next sync (see pullSession). The next page is asked for as soon as a page arrives, so
    // the server and the network work while this page is stored (a first sync of a council
    // spent a fifth of its time waiting for pages, issue 5).
    const session = pullSession(deps.db, deps.now)
    let received = 0
    let next = deps.http.pull(token, await readCursor(deps.db), pullPage)
    for (;;) {
      const result = await next
      if (!result.ok) {
        await session.finish()
        return fail(result)
      }
      if (result.value.hasMore) next = deps.http.pull(token, result.value.cursor, pullPage)
      await session.page(result.value.events, result.value.cursor)
      received += result.value.events.length
      if (!result.value.hasMore) {
        await session.finish()
        return true
      }
      set({ received })
      await yieldToUi()
    }
  }

  /**
   * The officers and managers, for names on matters and a manager's allocations. A convenience,
   * not case data: when the server does not give it, the device keeps the list it has, the sync
   * still counts as done, and the next sync asks again.
   */
  async function refreshStaff(token: string): Promise<void> {
    const nowMs = Date.parse(deps.now())
    if (staffRefreshedAt !== null && nowMs - staffRefreshedAt < staffRefreshMs) return
    const result = await deps.http.staff(token)
    if (!result.ok) return
    await saveStaff(deps.db, result.value.staff)
    staffRefreshedAt = nowMs
  }

  async function runOnce(): Promise<SyncStatus> {
    const token = deps.token()
    if (!token) {
      set({ state: 'signed_out' })
      return status
    }
    wrote = false
    set({ state: 'syncing', pending: await pendingCount(deps.db), received: 0 })
    await catchUpReadTables(deps.db, deps.now())
    const ok = (await push(token)) && (await pull(token))
    if (ok) await refreshStaff(token)
    failures = ok ? 0 : failures + 1
    set({
      ...(ok ? { state: 'idle' as const, lastSyncedAt: deps.now(), lastError: null } : {}),
      pending: await pendingCount(deps.db),
    })
    return status
  }

  /** One sync now, or the one already running. */
  function syncNow(): Promise<SyncStatus> {
    running ??= (async () => {
      try {
        if (!deps.locks) return await runOnce()
        // Another tab holding the lock is syncing the same database: nothing to do here.
        return await deps.locks.request('casebook-sync', { ifAvailable: true }, (lock) => (lock ? runOnce() : status))
      } catch (error) {
        // A storage failure mid-sync (quota, a closed database): shown, retried with back-off;
        // the outbox is untouched until a result is applied, so nothing is lost.
        failures += 1
        set({ state: 'error', lastError: error instanceof Error ? error.message : String(error) })
        return status
      } finally {
        running = null
        schedule()
      }
    })()
    return running
  }

  function schedule() {
    if (timer) clearTimeout(timer)
    if (stopped) return
    const delay = failures > 0 ? backoffMs(failures) : wrote ? (deps.afterWriteMs ?? 2_000) : periodMs
    timer = setTimeout(() => void syncNow(), delay)
  }

  return {
    syncNow,
    status: () => status,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Start the triggers: now, `online`, the app shown again, and the timer. Returns stop. */
    start(target: Page) {
      stopped = false
      const onOnline = () => void syncNow()
      const onVisible = () => {
        if (!target.document || target.document.visibilityState === 'visible') void syncNow()
      }
      target.addEventListener('online', onOnline)
      target.document?.addEventListener('visibilitychange', onVisible)
      // A step recorded while online goes to the server within seconds, so the manager and the
      // other devices see it, rather than at the next minute's sync. Offline, the back-off and
      // the 'online' event decide.
      let lastPending: number | null = null
      const unwatch = watchPendingCount(deps.db, (count) => {
        const grew = lastPending !== null && count > lastPending
        lastPending = count
        if (!grew) return
        wrote = true
        if (!running) schedule()
      })
      void syncNow()
      return () => {
        unwatch()
        target.removeEventListener('online', onOnline)
        target.document?.removeEventListener('visibilitychange', onVisible)
        stopped = true
        if (timer) clearTimeout(timer)
      }
    },
  }
}

export type SyncEngine = ReturnType<typeof createSyncEngine>
