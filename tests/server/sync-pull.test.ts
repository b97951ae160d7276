// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PulledEvent } from '../../src/api/sync-pull.ts'
import { fold } from '../../src/domain/fold.ts'
import { pullTuning } from '../../src/server/sync/pull-events.ts'
import { aMatter, manager, officer, otherOfficer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import type { TestServer } from './support/test-server.ts'
import { storedState, testNow, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

/** What the server adds to each pulled event: its seq, when it arrived, its chain link (issue 13). */
const stored = (seq: number) => ({ seq, receivedAt: testNow, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string })

const matterIds = (events: readonly PulledEvent[]) => new Set(events.map((e) => e.matterId))

// An officer's page is chosen by one of two queries, by the width of the window (pull-events.ts):
// every test runs with each.
const windows = [
  { name: 'window read first', shortWindow: Number.POSITIVE_INFINITY },
  { name: 'all audience changes', shortWindow: 0 },
]
const cases = testDrivers.flatMap((driver) => windows.map((w) => ({ ...w, driver, label: `${driver.name}, ${w.name}` })))

describe.each(cases)('GET /api/sync/pull on $label', ({ driver, shortWindow }) => {
  const { storage } = useDatabase(driver)
  const usual = pullTuning.shortWindow
  beforeEach(() => {
    pullTuning.shortWindow = shortWindow
  })
  afterEach(() => {
    pullTuning.shortWindow = usual
  })

  /** Three matters: officer1's case, officer2's case, and an unassigned enquiry from the manager. */
  async function threeMatters(s: TestServer) {
    const mine = aMatter(1).reported().record('matterAssigned', { officerId: officer.id })
    const theirs = aMatter(2)
      .as(otherOfficer)
      .reported()
      .record('matterAssigned', { officerId: otherOfficer.id })
    const open = aMatter(3).as(manager).reported()
    await s.push(await s.signIn('officer1'), mine.events)
    await s.push(await s.signIn('officer2'), theirs.events)
    await s.push(await s.signIn('manager1'), open.events)
    return { mine, theirs, open }
  }

  it('shows officers their own matters and unassigned enquiries; managers see all', async () => {
    const s = testServer(storage())
    const { mine, theirs, open } = await threeMatters(s)
    const o1 = await s.pull(await s.signIn('officer1'))
    const o2 = await s.pull(await s.signIn('officer2'))
    const m1 = await s.pull(await s.signIn('manager1'))
    expect(matterIds(o1.events)).toEqual(new Set([mine.matterId, open.matterId]))
    expect(matterIds(o2.events)).toEqual(new Set([theirs.matterId, open.matterId]))
    expect(matterIds(m1.events)).toEqual(new Set([mine.matterId, theirs.matterId, open.matterId]))
    for (const page of [o1, o2, m1]) expect(page).toMatchObject({ cursor: 5, hasMore: false })
  })

  it('returns each event exactly as pushed, with its seq, arrival and chain link, in seq order', async () => {
    const s = testServer(storage())
    const m = aMatter().reported().withPhoneAttempts(2)
    await s.push(await s.signIn('officer1'), m.events)
    const { events } = await s.pull(await s.signIn('manager1'))
    expect(events).toEqual(m.events.map((e, i) => ({ ...e, ...stored(i + 1) })))
  })

  it("folds a pulled history into the same state as the server's", async () => {
    const s = testServer(storage())
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued().diaryEntry()
    await s.push(await s.signIn('officer1'), m.events)
    const { events } = await s.pull(await s.signIn('officer1'))
    expect(fold(events)).toEqual(await storedState(storage()))
  })

  it("brings a matter's whole history in the next pull when it is assigned to an officer", async () => {
    const s = testServer(storage())
    const m = aMatter(4)
      .as(manager)
      .reported()
      .record('matterAssigned', { officerId: otherOfficer.id })
      .withPhoneAttempts(2)
    await s.push(await s.signIn('manager1'), m.events)
    const o1 = await s.signIn('officer1')
    const before = await s.pull(o1)
    // Assigned to officer2 as soon as it was recorded: officer1 never had it.
    expect(before).toEqual({ events: [], cursor: 4, hasMore: false })
    m.as(manager).record('matterAssigned', { officerId: officer.id })
    await s.push(await s.signIn('manager1'), [m.last()])
    const after = await s.pull(o1, before.cursor)
    expect(after.events.map((e) => e.id)).toEqual(m.events.map((e) => e.id))
    expect(after.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('tells an officer a matter was taken from them, and sends nothing of it afterwards', async () => {
    const s = testServer(storage())
    const m = aMatter(6).as(manager).reported().record('matterAssigned', { officerId: officer.id })
    await s.push(await s.signIn('manager1'), m.events)
    const o1 = await s.signIn('officer1')
    const first = await s.pull(o1)
    expect(first.events.map((e) => e.type)).toEqual(['reportReceived', 'matterAssigned'])
    m.as(manager).record('matterAssigned', { officerId: otherOfficer.id })
    await s.push(await s.signIn('manager1'), [m.last()])
    m.as(otherOfficer).withPhoneAttempts(1)
    await s.push(await s.signIn('officer2'), [m.last()])
    const next = await s.pull(o1, first.cursor)
    expect(next.events).toEqual([{ ...m.events[2], ...stored(3) }])
  })

  // The creator of a matter allocated to another: reallocation-access.test.ts (issue 14).

  it('moves the cursor past events the officer may not see, so they are not scanned again', async () => {
    const s = testServer(storage())
    const theirs = aMatter(2)
      .as(otherOfficer)
      .reported()
      .record('matterAssigned', { officerId: otherOfficer.id })
      .withPhoneAttempts(3)
    await s.push(await s.signIn('officer2'), theirs.events)
    const page = await s.pull(await s.signIn('officer1'))
    expect(page).toEqual({ events: [], cursor: 5, hasMore: false })
    expect(await s.pull(await s.signIn('officer1'), 5)).toEqual({
      events: [],
      cursor: 5,
      hasMore: false,
    })
  })

  it('pages with limit, cursor and hasMore until everything has come', async () => {
    const s = testServer(storage())
    const m = aMatter().reported().withPhoneAttempts(4)
    await s.push(await s.signIn('officer1'), m.events)
    const token = await s.signIn('manager1')
    const pages = [await s.pull(token, 0, 2)]
    while (pages.at(-1)?.hasMore) pages.push(await s.pull(token, pages.at(-1)?.cursor, 2))
    expect(pages.map((p) => [p.events.map((e) => e.seq), p.cursor, p.hasMore])).toEqual([
      [[1, 2], 2, true],
      [[3, 4], 4, true],
      [[5], 5, false],
    ])
  })

  it('never splits the history of a newly visible matter across pages', async () => {
    const s = testServer(storage())
    const mine = aMatter(1).reported().record('matterAssigned', { officerId: officer.id })
    await s.push(await s.signIn('officer1'), mine.events)
    const given = aMatter(2)
      .as(otherOfficer)
      .reported()
      .record('matterAssigned', { officerId: otherOfficer.id })
      .withPhoneAttempts(3)
    given.as(manager).record('matterAssigned', { officerId: officer.id })
    await s.push(await s.signIn('officer2'), given.events.slice(0, -1))
    await s.push(await s.signIn('manager1'), [given.last()])
    const token = await s.signIn('officer1')
    const first = await s.pull(token, 0, 3)
    expect(first.events.map((e) => e.matterId)).toEqual([mine.matterId, mine.matterId])
    expect(first).toMatchObject({ cursor: 2, hasMore: true })
    const second = await s.pull(token, first.cursor, 3)
    expect(second.events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7, 8])
    expect(second).toMatchObject({ cursor: 8, hasMore: false })
  })

  it('tells an officer who had an unassigned enquiry that it went to someone else', async () => {
    const s = testServer(storage())
    const open = aMatter(7).as(manager).reported()
    await s.push(await s.signIn('manager1'), open.events)
    const o1 = await s.signIn('officer1')
    const first = await s.pull(o1)
    expect(first.events.map((e) => e.type)).toEqual(['reportReceived'])
    open.as(manager).record('matterAssigned', { officerId: otherOfficer.id })
    open
      .as(otherOfficer)
      .record('partyAdded', { partyId: open.id(), role: 'witness', name: 'Jo Bloggs' })
    await s.push(await s.signIn('manager1'), open.events.slice(1, 2))
    await s.push(await s.signIn('officer2'), open.events.slice(2))
    const next = await s.pull(o1, first.cursor)
    expect(next.events.map((e) => e.type)).toEqual(['matterAssigned'])
  })

  // decisions.md "Closing an unassigned enquiry": only an *open* unassigned enquiry is the team's.
  it('R2: an unassigned enquiry an officer closes becomes theirs and leaves the other officers’ pulls', async () => {
    const s = testServer(storage())
    const open = aMatter(8).as(manager).reported()
    await s.push(await s.signIn('manager1'), open.events)
    const [o1, o2] = [await s.signIn('officer1'), await s.signIn('officer2')]
    const seen = await s.pull(o2)
    expect(seen.events.map((e) => e.type)).toEqual(['reportReceived'])
    // On the device, closing records the officer's taking it on just before (step-form.tsx).
    open.as(officer).thresholdNotMet()
    expect(open.events.slice(1).map((e) => e.type)).toEqual(['matterAssigned', 'thresholdAssessed'])
    await s.push(o1, open.events.slice(1))
    open.as(officer).record('closureAdvised', { method: 'phone', advisedOn: open.today })
    await s.push(o1, [open.last()])

    // officer2 is told it went to officer1, and sent nothing of it after; a fresh device gets none of it.
    const next = await s.pull(o2, seen.cursor)
    expect(next.events.map((e) => e.type)).toEqual(['matterAssigned'])
    expect((await s.pull(o2)).events).toEqual([])
    // officer1, who closed it, keeps the whole history, the closure and the advice included.
    expect((await s.pull(o1)).events.map((e) => e.id)).toEqual(open.events.map((e) => e.id))
  })

  it('R2: an unassigned enquiry a manager closes leaves every officer’s pull but its reporter’s', async () => {
    const s = testServer(storage())
    const reportedByOfficer = aMatter(9).reported()
    const reportedByManager = aMatter(10).as(manager).reported()
    await s.push(await s.signIn('officer1'), reportedByOfficer.events)
    await s.push(await s.signIn('manager1'), reportedByManager.events)
    const o2 = await s.signIn('officer2')
    const seen = await s.pull(o2)
    expect(matterIds(seen.events)).toEqual(new Set([reportedByOfficer.matterId, reportedByManager.matterId]))

    for (const m of [reportedByOfficer, reportedByManager]) {
      m.as(manager).record('matterClosed', { reason: 'withdrawn', rationale: 'The complainant withdrew.' })
      expect(m.state().assignedOfficerId).toBeNull()
      await s.push(await s.signIn('manager1'), [m.last()])
    }

    // Closed and still unassigned: no longer the team's. officer2 is sent the closures that took
    // them away, and a fresh pull has neither; officer1 still has the one they reported.
    const next = await s.pull(o2, seen.cursor)
    expect(next.events.map((e) => [e.matterId, e.type])).toEqual([
      [reportedByOfficer.matterId, 'matterClosed'],
      [reportedByManager.matterId, 'matterClosed'],
    ])
    expect((await s.pull(o2)).events).toEqual([])
    expect(matterIds((await s.pull(await s.signIn('officer1'))).events)).toEqual(new Set([reportedByOfficer.matterId]))
    expect(matterIds((await s.pull(await s.signIn('manager1'))).events)).toEqual(
      new Set([reportedByOfficer.matterId, reportedByManager.matterId]),
    )
  })

  it('sends an administrator nothing: 403', async () => {
    const s = testServer(storage())
    const res = await s.app.request('/api/sync/pull', { headers: s.auth(await s.signIn('admin1')) })
    expect(res.status).toBe(403)
  })
})
