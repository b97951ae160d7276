import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PushResponse } from '../../../src/api/sync-push.ts'
import type { PullResponse } from '../../../src/api/sync-pull.ts'
import type { DomainEvent } from '../../../src/domain/events.ts'
import type { MatterState } from '../../../src/domain/matter-state.ts'
import type { Limits } from '../../../src/server/app-env.ts'
import { defaultLimits } from '../../../src/server/app-env.ts'
import { createApp } from '../../../src/server/app.ts'
import { createSession } from '../../../src/server/auth/sessions.ts'
import { createUser } from '../../../src/server/auth/users.ts'
import type { FileStore } from '../../../src/server/files/file-store.ts'
import { createFileStore, fileBytesFor } from '../../../src/server/files/file-store.ts'
import type { LogEntry } from '../../../src/server/logging/log.ts'
import type { Storage } from '../../../src/server/storage/storage.ts'
import { manager, officer, otherManager, otherOfficer } from './matters.ts'

// The server as tests use it: `app.request()` with no port, a clock the test moves, the log
// kept in memory, and the people of the domain's matter builder as real users.

export const testPassword = 'correct horse battery staple'

export const people = {
  officer1: {
    id: officer.id,
    role: 'officer' as const,
    username: 'officer1',
    name: 'Olivia Price',
  },
  officer2: {
    id: otherOfficer.id,
    role: 'officer' as const,
    username: 'officer2',
    name: 'Tom Okafor',
  },
  manager1: { id: manager.id, role: 'manager' as const, username: 'manager1', name: 'Priya Shah' },
  manager2: {
    id: otherManager.id,
    role: 'manager' as const,
    username: 'manager2',
    name: 'Dan Hughes',
  },
  admin1: { id: 'admin-1', role: 'admin' as const, username: 'admin1', name: 'Sam Admin' },
}
export type Person = keyof typeof people

export async function addPeople(storage: Storage): Promise<void> {
  for (const p of Object.values(people)) {
    const created = await createUser(storage, { ...p, password: testPassword }, new Date(), p.id)
    if (!created.ok) throw new Error(created.message)
  }
}

/** "Now" for the tests: after every date the matter builder uses by default. */
export const testNow = '2026-11-25T12:00:00.000Z'

export function testServer(
  storage: Storage,
  options: {
    limits?: Partial<Limits>
    distDir?: string
    files?: FileStore
    maxFileBytes?: number
    trustedProxies?: string[]
  } = {},
) {
  const clock = { now: new Date(testNow) }
  const logs: LogEntry[] = []
  // As the server chooses: a directory of its own beside PGlite, the database on PostgreSQL.
  const files =
    options.files ??
    createFileStore(storage, fileBytesFor(storage, mkdtempSync(join(tmpdir(), 'casebook-files-'))), {
      maxFileBytes: options.maxFileBytes,
    })
  const app = createApp({
    storage,
    log: (entry) => logs.push(entry),
    clock: () => clock.now,
    limits: { ...defaultLimits, ...options.limits },
    distDir: options.distDir,
    files,
    trustedProxies: options.trustedProxies,
  })

  const signIn = async (person: Person) =>
    (await createSession(storage, people[person].id, clock.now)).token
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })

  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })

  async function push(
    token: string,
    events: readonly DomainEvent[],
    deviceId = 'device-1',
  ): Promise<PushResponse['results']> {
    const res = await postJson('/api/sync/push', { deviceId, events }, auth(token))
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`)
    return ((await res.json()) as PushResponse).results
  }

  async function pull(token: string, after = 0, limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams({
      after: String(after),
      ...(limit ? { limit: String(limit) } : {}),
    })
    const res = await app.request(`/api/sync/pull?${query.toString()}`, { headers: auth(token) })
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as PullResponse
  }

  /** Pulls page after page until the server says there is no more. */
  async function pullAll(token: string, after = 0, limit?: number): Promise<PullResponse> {
    const pages = [await pull(token, after, limit)]
    while (pages.at(-1)?.hasMore) pages.push(await pull(token, pages.at(-1)?.cursor, limit))
    return {
      events: pages.flatMap((p) => p.events),
      cursor: pages.at(-1)?.cursor ?? after,
      hasMore: false,
    }
  }

  return { app, clock, logs, files, signIn, auth, postJson, push, pull, pullAll }
}

export type TestServer = ReturnType<typeof testServer>

export async function countRows(
  storage: Storage,
  table:
    | 'events'
    | 'audience_changes'
    | 'matters'
    | 'public_reports'
    | 'sessions'
    | 'files'
    | 'file_uploads'
    | 'file_refs'
    | 'file_chunks',
): Promise<number> {
  const [row] = await storage.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n ?? 0)
}

/** The folded state the server keeps of the one matter in the database (undefined if none). */
export async function storedState(storage: Storage): Promise<MatterState | undefined> {
  const [row] = await storage.query<{ state: MatterState }>('SELECT state FROM matters')
  return row?.state
}
