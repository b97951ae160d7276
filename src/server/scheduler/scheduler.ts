import { deleteExpiredSessions } from '../auth/sessions.ts'
import type { FileStore } from '../files/file-store.ts'
import { removeOrphanFiles } from '../files/orphan-files.ts'
import type { Log } from '../logging/log.ts'
import { describeError } from '../logging/log.ts'
import type { Storage } from '../storage/storage.ts'
import { recordDueClosures } from './automatic-closures.ts'

// The server's clock-driven work, once at start and then every `intervalMs`: automatic closures
// (R4, R5), clearing expired sessions and removing orphan evidence files. A tick never overlaps the previous one in this
// process; across processes the closures' deterministic ids keep them single.

export type Scheduler = { tick(): Promise<void>; stop(): Promise<void> }

export type SchedulerOptions = {
  storage: Storage
  log: Log
  clock: () => Date
  intervalMs: number
  /** Files uploaded and never referenced go after `orphanAfterMs` (files/orphan-files.ts). */
  files?: { store: FileStore; orphanAfterMs: number }
}

export function startScheduler({
  storage,
  log,
  clock,
  intervalMs,
  files,
}: SchedulerOptions): Scheduler {
  let running: Promise<void> | null = null

  async function work(): Promise<void> {
    const now = clock()
    try {
      const closed = await recordDueClosures(storage, now, log)
      const expired = await deleteExpiredSessions(storage, now)
      const orphans = files
        ? await removeOrphanFiles(files.store, now, files.orphanAfterMs)
        : { files: 0, staged: 0 }
      if (closed > 0 || expired > 0 || orphans.files > 0 || orphans.staged > 0)
        log({
          level: 'info',
          msg: 'scheduler',
          automaticClosures: closed,
          expiredSessions: expired,
          orphanFiles: orphans.files,
          stagedUploads: orphans.staged,
        })
    } catch (error) {
      // Logged and tried again next tick: a failed tick must not stop the timer.
      log({ level: 'error', msg: 'scheduler tick failed', ...describeError(error) })
    }
  }

  function tick(): Promise<void> {
    running ??= work().finally(() => (running = null))
    return running
  }

  void tick()
  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  return {
    tick,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
