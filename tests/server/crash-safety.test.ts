// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Sql, Storage } from '../../src/server/storage/storage.ts'
import { aMatter, otherOfficer } from './support/matters.ts'
import { sayPostgresSkipped, testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// "Nothing lost, nothing doubled": a push is one transaction, so a failure before COMMIT leaves
// no trace, the device's retry stores every event once, and seq stays gap-free.

/** The storage, except that the `nth` statement starting with `start` fails, as a crash there would. */
function failingOnce(storage: Storage, start: string, nth = 1): Storage {
  let seen = 0
  const wrap = (tx: Sql): Sql => ({
    ...tx,
    query: (text, params) => {
      if (text.trimStart().startsWith(start) && ++seen === nth)
        return Promise.reject(new Error('connection lost'))
      return tx.query(text, params)
    },
  })
  return { ...storage, transaction: (fn) => storage.transaction((tx) => fn(wrap(tx))) }
}

/** The first push's final statement fails. */
const failingAtCommitOnce = (storage: Storage) =>
  failingOnce(storage, 'UPDATE counters SET value = $1')

describe.each(testDrivers)('crash safety on $name', (driver) => {
  const { storage } = useDatabase(driver)
  // PGlite serves one connection at a time, so the pushes below take turns whatever the code does:
  // only PostgreSQL proves that the row lock on the counter keeps seq gap-free.
  if (driver.name === 'pglite') sayPostgresSkipped('gap-free seq under pushes on concurrent connections')

  it('keeps nothing of a push that fails before it commits, and stores the retry once', async () => {
    const s = testServer(failingAtCommitOnce(storage()))
    const token = await s.signIn('officer1')
    const m = aMatter().reported().withPhoneAttempts(2)
    const failed = await s.postJson(
      '/api/sync/push',
      { deviceId: 'device-1', events: m.events },
      s.auth(token),
    )
    expect(failed.status).toBe(500)
    expect(await failed.json()).toMatchObject({ error: { code: 'internal' } })
    expect(await countRows(storage(), 'events')).toBe(0)
    expect(await countRows(storage(), 'matters')).toBe(0)
    const retried = await s.push(token, m.events)
    expect(retried.map((r) => [r.status, 'seq' in r && r.seq])).toEqual([
      ['accepted', 1],
      ['accepted', 2],
      ['accepted', 3],
    ])
    expect(s.logs).toContainEqual(
      expect.objectContaining({ msg: 'unhandled error', route: '/api/sync/push' }),
    )
  })

  it('keeps nothing of a push whose second chunk of events fails while later ones are checked', async () => {
    // Events are written a chunk at a time as the push is checked (event-log.ts): 100 a chunk.
    const s = testServer(failingOnce(storage(), 'INSERT INTO events', 2))
    const token = await s.signIn('officer1')
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued()
    for (let i = 0; i < 230; i++) m.diaryEntry()
    const failed = await s.postJson(
      '/api/sync/push',
      { deviceId: 'device-1', events: m.events },
      s.auth(token),
    )
    expect(failed.status).toBe(500)
    expect(await countRows(storage(), 'events')).toBe(0)
    expect(await countRows(storage(), 'audience_changes')).toBe(0)
    const retried = await s.push(token, m.events)
    expect(retried.map((r) => 'seq' in r && r.seq)).toEqual(m.events.map((_, i) => i + 1))
  })

  it('gives concurrent pushes of different events one gap-free sequence', async () => {
    const s = testServer(storage())
    const [t1, t2] = [await s.signIn('officer1'), await s.signIn('officer2')]
    const batches = [1, 2, 3, 4].map((seed) =>
      (seed % 2 ? aMatter(seed) : aMatter(seed).as(otherOfficer)).reported().withPhoneAttempts(3),
    )
    const results = await Promise.all(batches.map((m, i) => s.push(i % 2 ? t2 : t1, m.events)))
    const seqsOf = (rs: (typeof results)[number]) => rs.map((r) => ('seq' in r ? r.seq : 0))
    const ascending = (xs: number[]) => [...xs].sort((a, b) => a - b)
    expect(ascending(results.flatMap(seqsOf))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1))
    // Within a push, its events keep their order.
    for (const r of results) expect(seqsOf(r)).toEqual(ascending(seqsOf(r)))
  })
})
