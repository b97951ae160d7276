// Evidence upload (issue 12): a 50 MB video sent to the real server (`node src/server/main.ts`)
// over loopback with PUT /api/files/<sha256>, as a device sends it. Figures: MB/s from the first
// byte sent to the server's answer, and how much the server process's resident memory grew at
// its peak during the uploads (the upload streams to the file store, so it should not grow with
// the file). Each run sends a different file, so each is stored, not found already held.
//
//   node tests/bench/run.ts --only=files [--runs=N] [--drivers=pglite,postgres]
import { createHash } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { createSession } from '../../src/server/auth/sessions.ts'
import { createUser } from '../../src/server/auth/users.ts'
import type { StorageDriver } from '../../src/server/storage/storage.ts'
import type { Bench, BenchContext } from './support/bench-context.ts'
import { openBenchDatabase, postgresReachable } from './support/bench-storage.ts'
import type { Figure } from './support/report.ts'
import { median } from './support/report.ts'
import { startServer } from './support/server-process.ts'

const fileBytes = 50 * 1024 * 1024
const mb = 1024 * 1024

/** A video-sized file of bytes that do not compress, different for each run. */
function aVideo(run: number): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.alloc(fileBytes)
  let seed = 0x9e3779b9 ^ run
  for (let i = 0; i < fileBytes; i += 4) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    bytes.writeInt32LE(seed | 0, i)
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** The resident memory of a process, from Linux's /proc. */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) * 1024 : Number.NaN
}

/** Waits until the process's memory has stopped moving (two readings 1 s apart within 5 MB). */
async function settled(pid: number): Promise<void> {
  let last = rssBytes(pid)
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const now = rssBytes(pid)
    if (Math.abs(now - last) < 5 * mb) return
    last = now
  }
}

async function onDriver(ctx: BenchContext, driver: StorageDriver) {
  const db = await openBenchDatabase(driver)
  const created = await createUser(
    db.storage,
    { username: 'officer', name: 'Bench Officer', role: 'officer', password: 'bench-password-1' },
    new Date(),
  )
  if (!created.ok) throw new Error(created.message)
  const { token } = await createSession(db.storage, created.user.id, new Date())
  // PGlite: the server process opens the data directory itself.
  if (driver === 'pglite') await db.storage.close()
  const server = await startServer(
    driver === 'pglite' ? { DATA_DIR: db.where } : { DATABASE_URL: db.where },
  )
  ctx.onClose(() => server.stop())
  try {
    const runs = ctx.runs ?? 3
    const speeds: number[] = []
    // A first small upload, then a pause: the first requests after start grow the process by
    // 100-400 MB (PGlite's start, the first queries, code compiled) and it gives most back a
    // moment later, whatever the file's size; the figure is what the uploads themselves add.
    const warmUp = Buffer.from('warm-up')
    await fetch(`${server.url}/api/files/${createHash('sha256').update(warmUp).digest('hex')}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: warmUp,
    })
    await settled(server.pid)
    const before = rssBytes(server.pid)
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.pid))), 20)
    // Made before the uploads, so the sender is not idle between them for long.
    const videos = Array.from({ length: runs }, (_, run) => aVideo(run))
    for (const video of videos) {
      const send = () =>
        fetch(`${server.url}/api/files/${video.sha256}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' },
          body: video.bytes,
        })
      const started = performance.now()
      // Once more if the kept-alive connection was closed by the server just as it was reused.
      const res = await send().catch(send)
      const ms = performance.now() - started
      if (res.status !== 201)
        throw new Error(`The upload answered ${res.status}: ${await res.text()}`)
      speeds.push(fileBytes / mb / (ms / 1000))
      ctx.log(`${driver}: ${(fileBytes / mb).toFixed(0)} MB in ${ms.toFixed(0)} ms`)
    }
    clearInterval(sampler)
    const growth = (peak - before) / mb
    return { speeds, growth, before: before / mb }
  } finally {
    await server.stop()
    if (driver === 'postgres') await db.close()
    else rmSync(db.where, { recursive: true, force: true })
  }
}

export const fileUpload: Bench = {
  name: 'files',
  title: 'Evidence upload, 50 MB over loopback to the real server',
  sizes: ['small', 'council', 'county'],
  async run(ctx) {
    const figures: Figure[] = []
    for (const driver of ctx.drivers) {
      if (driver === 'postgres' && !(await postgresReachable())) continue
      const { speeds, growth, before } = await onDriver(ctx, driver)
      figures.push(
        {
          id: `files.upload.${driver}`,
          label: `upload a 50 MB file, ${driver}`,
          value: median(speeds),
          unit: 'MB/s',
          runs: speeds,
        },
        {
          id: `files.rss.${driver}`,
          label: `  server RSS growth during the uploads, ${driver}`,
          value: growth,
          unit: 'MB',
          note: `from ${before.toFixed(0)} MB`,
        },
      )
    }
    return figures
  },
}
