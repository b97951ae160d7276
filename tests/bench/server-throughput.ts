// Push and pull throughput of the sync server, in events per second, through the real HTTP
// handlers in-process (JSON, zod, auth, checkEvent, SQL; no network). Not a test.
//
//   node tests/bench/server-throughput.ts                      # PGlite in a temp data directory
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node tests/bench/server-throughput.ts
//
// Workload: 200 matters × 50 events = 10,000 events, pushed by one officer in batches of 500
// (every report first, then the matters' contact attempts interleaved), then pulled back whole
// by that officer and by a manager in pages of 1,000.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { PullResponse } from '../../src/api/sync-pull.ts'
import type { DomainEvent } from '../../src/domain/events.ts'
import { uuidV7 } from '../../src/domain/ids.ts'
import { defaultLimits } from '../../src/server/app-env.ts'
import { createApp } from '../../src/server/app.ts'
import { createFileStore } from '../../src/server/files/file-store.ts'
import { createSession } from '../../src/server/auth/sessions.ts'
import { createUser } from '../../src/server/auth/users.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import { migrate } from '../../src/server/storage/migrate.ts'
import { openPgliteStorage } from '../../src/server/storage/pglite-storage.ts'
import { openPostgresStorage } from '../../src/server/storage/postgres-storage.ts'
import type { Storage } from '../../src/server/storage/storage.ts'

const matters = 200
const eventsPerMatter = 50
const batchSize = 500
const pageSize = 1000

const id = (ms: number) => uuidV7(ms, randomBytes(10))

function workload(officerId: string, start: number): DomainEvent[] {
  const at = (n: number) => new Date(start + n).toISOString()
  const base = { actorId: officerId, deviceId: 'bench-device' }
  const ids = Array.from({ length: matters }, (_, i) => id(start + i))
  const reports = ids.map((matterId, i): DomainEvent => ({
    ...base,
    id: id(start + i),
    matterId,
    type: 'reportReceived',
    occurredAt: at(i),
    recordedAt: at(i),
    payload: {
      channel: 'phone',
      receivedAt: at(i),
      category: 'noise',
      anonymous: false,
      location: { address: `${i + 1} Bench Street, Northfold`, postcode: 'GU52 6AA' },
      description: 'Loud music from the flat above every night after midnight.',
      complainant: {
        partyId: id(start + i),
        name: 'Alex Morgan',
        contact: { phone: '01632 960 000' },
      },
    },
  }))
  const attempts = Array.from({ length: eventsPerMatter - 1 }, (_, k) =>
    ids.map((matterId, i): DomainEvent => {
      const n = matters + k * matters + i
      return {
        ...base,
        id: id(start + n),
        matterId,
        type: 'contactAttempted',
        occurredAt: at(n),
        recordedAt: at(n),
        payload: { method: 'phone', outcome: 'no_answer' },
      }
    }),
  ).flat()
  return [...reports, ...attempts]
}

async function measure(label: string, storage: Storage): Promise<void> {
  await migrate(storage)
  const now = new Date()
  const officer = await createUser(
    storage,
    {
      username: 'bench-officer',
      name: 'Bench Officer',
      role: 'officer',
      password: 'bench-password-1',
    },
    now,
  )
  const manager = await createUser(
    storage,
    {
      username: 'bench-manager',
      name: 'Bench Manager',
      role: 'manager',
      password: 'bench-password-1',
    },
    now,
  )
  if (!officer.ok || !manager.ok) throw new Error('Could not create the bench users.')
  const app = createApp({
    storage,
    log: silentLog,
    clock: () => new Date(),
    limits: defaultLimits,
    files: createFileStore(storage),
  })
  const token = async (userId: string) =>
    `Bearer ${(await createSession(storage, userId, new Date())).token}`
  const officerAuth = await token(officer.user.id)
  const events = workload(officer.user.id, now.getTime() - 3_600_000)

  let started = performance.now()
  for (let i = 0; i < events.length; i += batchSize) {
    const body = JSON.stringify({
      deviceId: 'bench-device',
      events: events.slice(i, i + batchSize),
    })
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: officerAuth },
      body,
    })
    const results = ((await res.json()) as { results: { status: string }[] }).results
    if (res.status !== 200 || results.some((r) => r.status !== 'accepted'))
      throw new Error(`push failed: ${res.status}`)
  }
  report(label, 'push', events.length, performance.now() - started)

  for (const [who, auth] of [
    ['officer', officerAuth],
    ['manager', await token(manager.user.id)],
  ] as const) {
    started = performance.now()
    let after = 0
    let pulled = 0
    for (let more = true; more;) {
      const res = await app.request(`/api/sync/pull?after=${after}&limit=${pageSize}`, {
        headers: { authorization: auth },
      })
      const page = (await res.json()) as PullResponse
      pulled += page.events.length
      after = page.cursor
      more = page.hasMore
    }
    if (pulled !== events.length)
      throw new Error(`${who} pulled ${pulled} of ${events.length} events`)
    report(label, `pull (${who})`, pulled, performance.now() - started)
  }
}

function report(label: string, what: string, count: number, ms: number): void {
  const rate = Math.round((count / ms) * 1000)
  process.stdout.write(
    `${label.padEnd(11)} ${what.padEnd(16)} ${String(count).padStart(6)} events in ${(ms / 1000).toFixed(2).padStart(6)} s  ${String(rate).padStart(6)} events/s\n`,
  )
}

const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-'))
try {
  const storage = await openPgliteStorage(dir)
  await measure('PGlite', storage).finally(() => storage.close())
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const url = process.env.TEST_DATABASE_URL
if (url) {
  const schema = `bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const storage = openPostgresStorage({ connectionString: url, searchPath: schema, log: silentLog })
  try {
    await measure('PostgreSQL', storage)
  } finally {
    await storage.close()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
}
