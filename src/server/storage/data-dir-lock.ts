import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

// PGlite does not lock its data directory, and two PGlite instances writing one directory corrupt
// it (e.g. `npm run user:add` while the server runs). A lock file naming the owner stops other
// processes; a set of directories held here stops this process opening one twice. A lock left by
// a process that died (a crash, kill -9) is taken over; so is one with our own pid, as a container
// restarted with the same pid (often 1) must be able to start.
//
// A pid alone is not enough (issue 14): after a crash the system may give the dead server's pid to
// another program, and the directory then seemed in use by it. So the lock also records which
// process that pid was: the boot and the process's start time (Linux's /proc). A running process
// with that pid but another start time, or a lock from an earlier boot, is a stale lock. Where
// /proc is missing, or the lock is of the older pid-only kind, a running pid still counts as the
// owner: refusing is the safe mistake.

export type DirLock = { ok: true; release: () => void } | { ok: false; message: string }

type Owner = { pid: number; started: string | null }

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

/** Which process `pid` is now: the boot id and its start time, or null where the system cannot say. */
export function processStart(pid: number): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces; start time is field 22.
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
    return startTime ? `${bootId}/${startTime}` : null
  } catch {
    return null
  }
}

function readOwner(text: string): Owner | null {
  try {
    const parsed = JSON.parse(text) as unknown
    if (typeof parsed === 'number') return { pid: parsed, started: null }
    if (parsed && typeof parsed === 'object') {
      const { pid, started } = parsed as { pid?: unknown; started?: unknown }
      if (typeof pid === 'number')
        return { pid, started: typeof started === 'string' ? started : null }
    }
  } catch {
    // Half-written or not ours: nobody can be shown to hold it.
  }
  return null
}

function holds(owner: Owner | null): owner is Owner {
  if (!owner || !Number.isInteger(owner.pid) || owner.pid <= 0) return false
  if (owner.pid === process.pid || !isRunning(owner.pid)) return false
  if (owner.started === null) return true
  const now = processStart(owner.pid)
  // The pid is running but is another process than the one that locked: the lock is stale.
  return now === null || now === owner.started
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
  const content = JSON.stringify({ pid: process.pid, started: processStart(process.pid) })
  try {
    writeFileSync(path, content, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const owner = readOwner(readFileSync(path, 'utf8'))
    if (holds(owner)) return inUse(dataDir, owner.pid)
    writeFileSync(path, content)
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
