import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

// PGlite does not lock its data directory, and two PGlite instances writing one directory corrupt
// it (e.g. `npm run user:add` while the server runs). A lock file holding the owner's pid stops
// other processes; a set of directories held here stops this process opening one twice. A lock
// left by a process that died (a crash, kill -9) is taken over; so is one with our own pid, as a
// container restarted with the same pid (often 1) must be able to start.

export type DirLock = { ok: true; release: () => void } | { ok: false; message: string }

const heldByThisProcess = new Set<string>()

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function inUse(dataDir: string, owner: number | string): DirLock {
  return {
    ok: false,
    message: `The data directory ${dataDir} is in use by process ${owner}. Stop the server first, or run on PostgreSQL (DATABASE_URL).`,
  }
}

export function lockDataDir(dataDir: string): DirLock {
  const dir = resolve(dataDir)
  if (heldByThisProcess.has(dir)) return inUse(dataDir, process.pid)
  const path = join(dir, 'casebook.lock')
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const owner = Number(readFileSync(path, 'utf8'))
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner))
      return inUse(dataDir, owner)
    writeFileSync(path, String(process.pid))
  }
  heldByThisProcess.add(dir)
  return {
    ok: true,
    release: () => {
      heldByThisProcess.delete(dir)
      rmSync(path, { force: true })
    },
  }
}
