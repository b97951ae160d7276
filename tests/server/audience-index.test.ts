// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Storage } from '../../src/server/storage/storage.ts'
import { AudienceIndex } from '../../src/server/sync/audience-index.ts'
import type { SentMatter } from '../../src/server/sync/audience-index.ts'
import { viewerTokens } from '../../src/server/sync/visibility.ts'
import { aMatter, manager, officer, otherOfficer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// A filtered pull picks its matters from the audience index held in memory (audience-index.ts)
// instead of aggregating audience_changes in SQL on every page. The index must pick exactly the
// matters, and grants, that the aggregate did: the aggregate is kept here as the reference.

const reference = `
  SELECT matter_id, CASE WHEN visible_now THEN grant_seq END AS grant_seq, first_seq FROM (
    SELECT matter_id,
           min(seq) AS first_seq,
           max(seq) FILTER (WHERE NOT audience_before && $2::text[]) AS grant_seq,
           max(seq) FILTER (WHERE audience_after && $2::text[]) = max(seq) AS visible_now,
           min(seq) FILTER (WHERE seq > $1 AND audience_before && $2::text[])
             = min(seq) FILTER (WHERE seq > $1) AS visible_at_cursor
      FROM audience_changes WHERE seq <= $3 GROUP BY matter_id) a
   WHERE visible_now OR visible_at_cursor`

type ReferenceRow = {
  matter_id: string
  grant_seq: number | string | null
  first_seq: number | string
}

async function referenceSent(storage: Storage, tokens: string[], after: number, upTo: number) {
  const rows = await storage.query<ReferenceRow>(reference, [after, tokens, upTo])
  return sorted(
    rows.map((r) => ({
      matterId: r.matter_id,
      grantSeq: r.grant_seq === null ? null : Number(r.grant_seq),
      firstSeq: Number(r.first_seq),
    })),
  )
}

const sorted = (sent: SentMatter[]) =>
  [...sent].sort((a, b) => (a.matterId < b.matterId ? -1 : a.matterId > b.matterId ? 1 : 0))

const tokensOf = [officer, otherOfficer].map((o) => {
  const tokens = viewerTokens({ id: o.id, role: 'officer' })
  if (tokens === 'all') throw new Error('An officer sees only some matters.')
  return tokens
})

describe.each(testDrivers)('the audience index on $name', (driver) => {
  const { storage } = useDatabase(driver)

  /** Matters reported, assigned, taken away, given back, and picked from the unassigned pool. */
  async function pushHistory(): Promise<number> {
    const s = testServer(storage())
    const givenBack = aMatter(1)
      .as(manager)
      .reported()
      .record('matterAssigned', { officerId: officer.id })
      .withPhoneAttempts(1)
    givenBack.as(manager).record('matterAssigned', { officerId: otherOfficer.id })
    givenBack.as(otherOfficer).withPhoneAttempts(1)
    givenBack.as(manager).record('matterAssigned', { officerId: officer.id })
    const own = aMatter(2).reported().withPhoneAttempts(2)
    const pool = aMatter(3).as(manager).reported()
    const picked = aMatter(4).as(manager).reported()
    picked.as(manager).record('matterAssigned', { officerId: otherOfficer.id })
    await s.push(await s.signIn('manager1'), givenBack.events.slice(0, 3))
    await s.push(await s.signIn('officer1'), own.events)
    await s.push(await s.signIn('manager1'), [
      ...pool.events,
      ...picked.events,
      givenBack.events[3]!,
    ])
    await s.push(await s.signIn('officer2'), [givenBack.events[4]!])
    await s.push(await s.signIn('manager1'), [givenBack.events[5]!])
    const total =
      givenBack.events.length + own.events.length + pool.events.length + picked.events.length
    expect(await countRows(storage(), 'events')).toBe(total)
    return total
  }

  it('sends the matters, from the grants, that the aggregate of audience_changes sends', async () => {
    const total = await pushHistory()
    const index = new AudienceIndex()
    await index.catchUp(storage(), total)
    for (const tokens of tokensOf)
      for (let upTo = 1; upTo <= total; upTo++)
        for (let after = 0; after <= upTo; after++)
          expect(sorted(index.sent(tokens, after, upTo))).toEqual(
            await referenceSent(storage(), tokens, after, upTo),
          )
  })

  it('asked about some matters (a short window), answers for exactly those', async () => {
    const total = await pushHistory()
    const index = new AudienceIndex()
    await index.catchUp(storage(), total)
    const matterIds = [1, 2, 3, 4].map((n) => aMatter(n).matterId)
    const unknown = aMatter(99).matterId
    for (const tokens of tokensOf)
      for (let after = 0; after <= total; after++)
        for (const among of [[matterIds[0]!], [matterIds[1]!, matterIds[3]!, unknown], []]) {
          const expected = (await referenceSent(storage(), tokens, after, total)).filter((m) =>
            among.includes(m.matterId),
          )
          expect(sorted(index.sent(tokens, after, total, among))).toEqual(expected)
        }
  })

  it('caught up a piece at a time, holds what one read of the whole table holds', async () => {
    const total = await pushHistory()
    const whole = new AudienceIndex()
    await whole.catchUp(storage(), total)
    const pieces = new AudienceIndex()
    for (let upTo = 1; upTo <= total; upTo += 2) await pieces.catchUp(storage(), upTo)
    await pieces.catchUp(storage(), total)
    for (const tokens of tokensOf)
      expect(sorted(pieces.sent(tokens, 0, total))).toEqual(sorted(whole.sent(tokens, 0, total)))
  })

  it('caught up by many pulls at once, reads the table once and holds what one read holds', async () => {
    const total = await pushHistory()
    let reads = 0
    const counted = {
      query: <T extends Record<string, unknown>>(text: string, params?: readonly unknown[]) => {
        reads += 1
        return storage().query<T>(text, params)
      },
      exec: (text: string) => storage().exec(text),
    }
    const together = new AudienceIndex()
    await Promise.all(Array.from({ length: 20 }, () => together.catchUp(counted, total)))
    expect(reads).toBe(1)
    const whole = new AudienceIndex()
    await whole.catchUp(storage(), total)
    for (const tokens of tokensOf)
      expect(sorted(together.sent(tokens, 0, total))).toEqual(sorted(whole.sent(tokens, 0, total)))
  })
})
