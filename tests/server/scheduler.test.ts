// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { DomainEvent, EventOf } from '../../src/domain/events.ts'
import type { LogEntry } from '../../src/server/logging/log.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import { recordDueClosures } from '../../src/server/scheduler/automatic-closures.ts'
import { startScheduler } from '../../src/server/scheduler/scheduler.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { aMatter } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, storedState, testNow, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// R4, R5: the server records automatic closures once their deadline passes, with no device online.

const now = new Date(testNow)

async function closures(storage: Storage): Promise<EventOf<'matterClosed'>[]> {
  const rows = await storage.query<{ body: EventOf<'matterClosed'> }>(
    "SELECT body FROM events WHERE type = 'matterClosed'",
  )
  return rows.map((r) => r.body)
}

describe.each(testDrivers)('automatic closures on $name', (driver) => {
  const { storage, db } = useDatabase(driver)

  /** R4: three failed calls, then a letter on Monday 2 November: the tenth working day after is 16 November. */
  async function letterWithNoReply() {
    const m = aMatter().on('2026-11-02').reported().withPhoneAttempts(3).letterSent()
    const s = testServer(storage())
    await s.push(await s.signIn('officer1'), m.events)
    return { m, s }
  }

  it('R4: closes the assessment once 10 working days pass after the letter with no contact', async () => {
    const { m } = await letterWithNoReply()
    expect(
      await recordDueClosures(storage(), new Date('2026-11-16T12:00:00.000Z'), silentLog),
    ).toBe(0)
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(1)
    const [closure] = await closures(storage())
    expect(closure).toMatchObject({
      matterId: m.matterId,
      actorId: 'system',
      deviceId: 'server',
      payload: { reason: 'no_contact', automatic: true, deadline: '2026-11-16' },
    })
    const [row] = await storage().query<{ phase: string; automatic_closure_at: unknown }>(
      'SELECT phase, automatic_closure_at FROM matters',
    )
    expect(row).toEqual({ phase: 'closed', automatic_closure_at: null })
  })

  it('R4: records the closure once when the scheduler runs twice', async () => {
    await letterWithNoReply()
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(1)
    expect(await recordDueClosures(storage(), new Date(now.getTime() + 60_000), silentLog)).toBe(0)
    expect(await closures(storage())).toHaveLength(1)
  })

  it('R4: records the closure once when ticks overlap', async () => {
    await letterWithNoReply()
    const stored = await Promise.all(
      [1, 2, 3].map(() => recordDueClosures(storage(), now, silentLog)),
    )
    expect(stored.reduce((a, b) => a + b, 0)).toBe(1)
    expect(await closures(storage())).toHaveLength(1)
    expect(await countRows(storage(), 'events')).toBe(6)
  })

  // PGlite has one process per data directory (see migrations.test.ts); PostgreSQL can have many.
  const { reopen } = driver
  if (reopen)
    it('R4: records the closure once when two server processes share the database', async () => {
      await letterWithNoReply()
      const second = reopen(db())
      try {
        await Promise.all([
          recordDueClosures(storage(), now, silentLog),
          recordDueClosures(second, now, silentLog),
        ])
      } finally {
        await second.close()
      }
      expect(await closures(storage())).toHaveLength(1)
    })

  it('R4: any contact made stops the clock', async () => {
    const { m, s } = await letterWithNoReply()
    m.on('2026-11-05').contactMade()
    await s.push(await s.signIn('officer1'), [m.last()])
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(0)
  })

  it('R4: a call taken before the deadline that reaches the server after the closure stops the clock: the matter is open again', async () => {
    const { m, s } = await letterWithNoReply()
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(1)
    // Taken on Fri 13 Nov (day 9) on a tablet with no signal, synced on 25 Nov.
    m.at('2026-11-13T15:00:00.000Z').contactMade()
    const [result] = await s.push(await s.signIn('officer1'), [m.last()])
    expect(result?.status).toBe('accepted')
    expect(await storedState(storage())).toMatchObject({
      phase: 'enquiry',
      contact: { established: true },
    })
    expect(await recordDueClosures(storage(), new Date(now.getTime() + 60_000), silentLog)).toBe(0)
  })

  it('R4: a contact dated after the deadline is refused although the scheduler has not closed the matter yet', async () => {
    const { m, s } = await letterWithNoReply()
    // The device refuses it too; a device on older code might still send it.
    const late = m
      .at('2026-11-18T10:00:00.000Z')
      .propose('contactMade', { method: 'phone', direction: 'inbound', summary: 'Rang.' })
    const [result] = await s.push(await s.signIn('officer1'), [late as DomainEvent])
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'closed_automatically' } })
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(1)
  })

  it('R5: closes an evidence matter 42 days after diary sheets with no ASB recorded', async () => {
    const m = aMatter().on('2026-10-01').reported().assigned().thresholdMet().diarySheetsIssued()
    const s = testServer(storage())
    await s.push(await s.signIn('officer1'), m.events)
    expect(await recordDueClosures(storage(), now, silentLog)).toBe(1)
    const [closure] = await closures(storage())
    expect(closure?.payload).toMatchObject({ reason: 'no_evidence', deadline: '2026-11-12' })
    // The officer's device learns of it in the next pull.
    const { events } = await s.pull(await s.signIn('officer1'), m.events.length)
    expect(events.map((e) => e.type)).toEqual(['matterClosed'])
  })

  it('runs once at start, then on its interval, and stops cleanly', async () => {
    await letterWithNoReply()
    const logs: LogEntry[] = []
    const scheduler = startScheduler({
      storage: storage(),
      log: (e) => logs.push(e),
      clock: () => now,
      intervalMs: 60_000,
    })
    await scheduler.tick()
    await scheduler.stop()
    expect(await closures(storage())).toHaveLength(1)
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'scheduler', automaticClosures: 1 }))
  })
})
