// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { aMatter, manager, officer, otherOfficer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import type { TestServer } from './support/test-server.ts'
import { testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Issue 14 and src/domain/decisions.md "Access after allocation": once a manager allocates a
// matter to another officer, the officer who created it no longer sees or works on it (least
// privilege: victims' details go to those who need them). What they recorded while it was theirs
// still counts: an entry of theirs that happened before the allocation reached the server is
// accepted when it arrives later, like any late fact.

const at = (s: TestServer, instant: string) => {
  s.clock.now = new Date(instant)
}

describe.each(testDrivers)(
  'access after a matter is allocated to another officer, on $name',
  (driver) => {
    const { storage } = useDatabase(driver)

    async function reallocated(s: TestServer) {
      const m = aMatter(7).at('2026-11-25T09:00:00.000Z').reported()
      at(s, '2026-11-25T09:05:00.000Z')
      const o1 = await s.signIn('officer1')
      await s.push(o1, m.events)
      const before = await s.pull(o1)
      m.as(manager)
        .at('2026-11-25T10:00:00.000Z')
        .record('matterAssigned', { officerId: otherOfficer.id })
      at(s, '2026-11-25T10:00:00.000Z')
      await s.push(await s.signIn('manager1'), [m.last()])
      return { m, o1, cursor: before.cursor }
    }

    it('pull: the creator gets the allocation that took the matter away, and nothing after it', async () => {
      const s = testServer(storage())
      const { m, o1, cursor } = await reallocated(s)
      m.as(otherOfficer).at('2026-11-25T10:30:00.000Z').withPhoneAttempts(1)
      at(s, '2026-11-25T10:30:00.000Z')
      const o2 = await s.signIn('officer2')
      await s.push(o2, [m.last()])

      const page = await s.pull(o1, cursor)
      expect(page.events.map((e) => e.type)).toEqual(['matterAssigned'])
      expect((await s.pull(o1, page.cursor)).events).toEqual([])
      // The officer it was allocated to gets its whole history.
      expect((await s.pull(o2)).events.map((e) => e.type)).toEqual([
        'reportReceived',
        'matterAssigned',
        'contactAttempted',
      ])
    })

    it('push: the creator’s new work on it is refused; their entry from before the allocation is kept', async () => {
      const s = testServer(storage())
      const { m, o1 } = await reallocated(s)
      // Recorded on the creator's tablet, offline, before and after the allocation reached the server.
      const before = m.as(officer).at('2026-11-25T09:30:00.000Z').propose('contactAttempted', {
        method: 'phone',
        outcome: 'no_answer',
      })
      const after = m.as(officer).at('2026-11-25T10:15:00.000Z').propose('contactAttempted', {
        method: 'phone',
        outcome: 'voicemail',
      })
      at(s, '2026-11-25T11:00:00.000Z')
      const results = await s.push(o1, [before, after])
      expect(results[0]).toMatchObject({ status: 'accepted' })
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'not_visible' } })
    })
  },
)
