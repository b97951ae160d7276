// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { openDatabase } from '../../src/db/database.ts'
import type { Session, StepInput } from '../../src/db/record-event.ts'
import { recordEvent } from '../../src/db/record-event.ts'
import { readStaff } from '../../src/db/staff.ts'
import { createHttpClient } from '../../src/sync/http-client.ts'
import { backoffMs, createSyncEngine, staffRefreshMs } from '../../src/sync/sync-engine.ts'
import { testDrivers } from './support/test-databases.ts'
import type { Person, TestServer } from './support/test-server.ts'
import { people, testNow, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// The device's sync engine against the real server (app.request as the network): what an
// officer's tablet does when it comes back online.

const opened: CasebookDb[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()))
})

async function aDevice(server: TestServer, person: Person, deviceId: string) {
  const db = openDatabase(`sync-client-${deviceId}-${Math.random().toString(36).slice(2)}`)
  opened.push(db)
  // `failing`: paths the server answers 503 while the rest of it works.
  const network = { up: true, failing: new Set<string>() }
  const http = createHttpClient((input, init) => {
    if (!network.up) return Promise.reject(new TypeError('Failed to fetch'))
    const url = input instanceof Request ? input.url : input.toString()
    if (network.failing.has(new URL(url, 'http://casebook.test').pathname)) {
      const body = { error: { code: 'unavailable', message: 'Not now.' } }
      return Promise.resolve(Response.json(body, { status: 503 }))
    }
    return Promise.resolve(server.app.request(input instanceof Request ? input : input.toString(), init))
  })
  const token = await server.signIn(person)
  const now = () => server.clock.now.toISOString()
  const engine = createSyncEngine({ db, http, deviceId, token: () => token, now, yieldToUi: () => Promise.resolve(), afterWriteMs: 50 })
  const session: Session = { actor: { id: people[person].id, role: people[person].role }, deviceId }
  const record = async (input: StepInput) => {
    const result = await recordEvent(db, session, input, now())
    if (!result.ok) throw new Error(result.refusal.message)
    return result.event
  }
  return { db, engine, network, record }
}

const report = (matterId: string): StepInput => ({
  matterId,
  type: 'reportReceived',
  payload: {
    channel: 'phone',
    receivedAt: '2026-11-25T09:00:00.000Z',
    location: { address: '14 Fleet Road, Fleet' },
    category: 'noise',
    description: 'Loud music every night.',
    anonymous: false,
    complainant: { partyId: crypto.randomUUID(), name: 'Ann Example', contact: { phone: '01252 000000' } },
  },
})

describe.each(testDrivers)('the device sync engine against the server on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('keeps work recorded offline in the outbox, then sends it once the network is back', async () => {
    const server = testServer(storage())
    const tablet = await aDevice(server, 'officer1', 'tablet-1')
    tablet.network.up = false
    const matterId = crypto.randomUUID()
    const event = await tablet.record(report(matterId))

    expect((await tablet.engine.syncNow()).state).toBe('offline')
    expect(await tablet.db.outbox.count()).toBe(1)

    tablet.network.up = true
    const status = await tablet.engine.syncNow()
    expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null })
    expect((await tablet.db.events.get(event.id))?.seq).toBe(1)
    expect(await tablet.db.outbox.count()).toBe(0)
  })

  it('two devices converge on the same chronology, in the server order', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'officer1', 'tablet-a')
    const b = await aDevice(server, 'officer1', 'phone-b')
    const matterId = crypto.randomUUID()
    await a.record(report(matterId))
    await a.engine.syncNow()
    await b.engine.syncNow()
    a.network.up = false
    await a.record({ matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } })
    await b.record({ matterId, type: 'contactMade', payload: { method: 'phone', direction: 'inbound', summary: 'She rang back.' } })
    await b.engine.syncNow()
    a.network.up = true
    await a.engine.syncNow()
    await b.engine.syncNow()

    const order = async (db: CasebookDb) => (await db.events.orderBy('seq').toArray()).map((e) => [e.seq, e.type])
    expect(await order(a.db)).toEqual(await order(b.db))
    expect((await order(a.db)).map(([, type]) => type)).toEqual(['reportReceived', 'contactMade', 'contactAttempted'])
    expect((await a.db.matters.get(matterId))?.state).toEqual((await b.db.matters.get(matterId))?.state)
  })

  it('an event the server rejects leaves the matter, and waits on the device with the reason', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'officer1', 'tablet-a')
    const b = await aDevice(server, 'officer1', 'phone-b')
    const matterId = crypto.randomUUID()
    await a.record(report(matterId))
    await a.record({ matterId, type: 'matterAssigned', payload: { officerId: people.officer1.id } })
    await a.record({ matterId, type: 'thresholdAssessed', payload: { met: true, reason: 'Nightly noise over weeks.' } })
    await a.engine.syncNow()
    await b.engine.syncNow()
    // Both devices, offline from each other, start the same one-off step: only the first can stand.
    b.network.up = false
    await a.record({ matterId, type: 'diarySheetsIssued', payload: { issuedOn: '2026-11-25' } })
    await a.engine.syncNow()
    const late = await b.record({ matterId, type: 'thresholdAssessed', payload: { met: false, reason: 'Misread the report.' } })
    b.network.up = true
    await b.engine.syncNow()

    const rejected = await b.db.outbox.get(late.id)
    expect(rejected).toMatchObject({ status: 'rejected', refusal: { code: 'wrong_phase' }, event: { id: late.id } })
    expect(await b.db.events.get(late.id)).toBeUndefined()
    expect((await b.db.matters.get(matterId))?.state.phase).toBe('evidence')
  })

  it('an entry holding text the database cannot store is shown rejected, and the rest still sync', async () => {
    const server = testServer(storage())
    const tablet = await aDevice(server, 'officer1', 'tablet-1')
    const matterId = crypto.randomUUID()
    await tablet.record(report(matterId))
    const broken = await tablet.record({ matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer', notes: 'Rang twice' } })
    const after = await tablet.record({ matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'voicemail' } })
    // As an earlier version of the app could have kept it: half of an emoji in the notes.
    await tablet.db.events.update(broken.id, { payload: { ...broken.payload, notes: 'Rang twice \uD83D' } })

    const status = await tablet.engine.syncNow()
    expect(status).toMatchObject({ state: 'idle', pending: 0, lastError: null })
    const refused = await tablet.db.outbox.get(broken.id)
    expect(refused).toMatchObject({ status: 'rejected', refusal: { code: 'invalid_entry' } })
    expect(refused?.refusal?.message).toMatch(/^Notes contains a character that cannot be stored/)
    expect((await tablet.db.events.get(after.id))?.seq).toBeGreaterThan(0)
    // The next sync does not send it again, and new work still goes through.
    const next = await tablet.record({ matterId, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } })
    expect(await tablet.engine.syncNow()).toMatchObject({ state: 'idle', pending: 0 })
    expect((await tablet.db.events.get(next.id))?.seq).toBeGreaterThan(0)
  })

  it('sends a step recorded online within seconds, not at the next minute’s sync', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'officer1', 'tablet-a')
    const stop = a.engine.start(new EventTarget())
    try {
      await vi.waitFor(() => expect(a.engine.status().lastSyncedAt).not.toBeNull())
      await a.record(report(crypto.randomUUID()))

      // The timer's next sync is a minute away: only the write itself can have started this one.
      await vi.waitFor(async () => expect(await a.db.outbox.count()).toBe(0), { timeout: 3_000 })
      expect(await a.db.events.where('seq').above(0).count()).toBe(1)
    } finally {
      stop()
    }
  })

  it('pulls a large history in pages and resumes from its cursor', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'officer1', 'tablet-a')
    for (let i = 0; i < 3; i++) await a.record(report(crypto.randomUUID()))
    await a.engine.syncNow()
    const fresh = await aDevice(server, 'officer1', 'new-tablet')
    await fresh.engine.syncNow()
    expect(await fresh.db.matters.count()).toBe(3)
    expect((await fresh.db.meta.get('pullCursor'))?.value).toBe(3)
    expect(server.clock.now.toISOString()).toBe(testNow)
  })

  it('brings the staff directory with a sync, asks again only after ten minutes, and keeps it when the server cannot give it', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'manager1', 'tablet-a')
    await a.engine.syncNow()
    const names = async () => (await readStaff(a.db)).map((p) => p.name)
    expect(await names()).toEqual(['Dan Hughes', 'Olivia Price', 'Priya Shah', 'Tom Okafor'])

    // A new officer joins: not asked for again within ten minutes of the last time.
    await storage().query(
      "INSERT INTO users (id, username, name, role, password_hash) VALUES ('officer-3', 'officer3', 'Abi Cole', 'officer', 'none')",
    )
    server.clock.now = new Date(Date.parse(testNow) + staffRefreshMs - 1_000)
    await a.engine.syncNow()
    expect(await names()).not.toContain('Abi Cole')

    // The directory call fails: the sync still succeeds and the device keeps the list it has.
    server.clock.now = new Date(Date.parse(testNow) + staffRefreshMs)
    a.network.failing.add('/api/users/staff')
    expect(await a.engine.syncNow()).toMatchObject({ state: 'idle', lastError: null })
    expect(await names()).toEqual(['Dan Hughes', 'Olivia Price', 'Priya Shah', 'Tom Okafor'])

    // The next sync asks again.
    a.network.failing.clear()
    await a.engine.syncNow()
    expect(await names()).toEqual(['Abi Cole', 'Dan Hughes', 'Olivia Price', 'Priya Shah', 'Tom Okafor'])
    await storage().query("DELETE FROM users WHERE id = 'officer-3'")
  })

  it('a session the server no longer accepts stops sync and keeps everything on the device', async () => {
    const server = testServer(storage())
    const a = await aDevice(server, 'officer1', 'tablet-a')
    await a.record(report(crypto.randomUUID()))
    server.clock.now = new Date(Date.parse(testNow) + 13 * 3_600_000)
    expect((await a.engine.syncNow()).state).toBe('signed_out')
    expect(await a.db.outbox.count()).toBe(1)
  })
})

describe('back-off', () => {
  it('doubles from one second to at most five minutes, with jitter in the upper half', () => {
    expect(backoffMs(0)).toBe(0)
    expect([1, 2, 3].map((n) => backoffMs(n, 1))).toEqual([1_000, 2_000, 4_000])
    expect(backoffMs(2, 0)).toBe(1_000)
    expect(backoffMs(30, 1)).toBe(300_000)
  })
})
