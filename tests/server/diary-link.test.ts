// @vitest-environment node
import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DiaryPageResponse } from '../../src/api/public-diary.ts'
import type { DomainEvent } from '../../src/domain/events.ts'
import type { MatterBuilder } from './support/matters.ts'
import { aMatter, officer, proposed } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import type { TestServer } from './support/test-server.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// The complainant's own diary by private link (DESIGN.md): the officer's device issues the link
// (only its hash reaches the server), the complainant's phone reads the page and sends entries
// with the token alone, and every link that does not work answers the same 404.

const newToken = () => randomBytes(32).toString('base64url')
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

function entry(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    happenedAt: '2026-11-24T23:30:00.000Z',
    location: 'The landing outside my flat',
    who: 'The man from number 14 and two friends',
    what: 'Shouting and banging on my door for half an hour.',
    impact: 'I was frightened and could not sleep. My children were crying.',
    ...over,
  }
}

describe.each(testDrivers)('the private diary link on $name', (driver) => {
  const { storage } = useDatabase(driver)

  /** A matter in evidence whose diary sheets were issued by private link on 2 Nov 2026. */
  async function issued(s: TestServer, seed = 1) {
    const officerToken = await s.signIn('officer1')
    const m = aMatter(seed).reported().assigned().thresholdMet()
    const token = newToken()
    const linkId = m.id()
    m.record('diarySheetsIssued', {
      issuedOn: m.today,
      method: 'private_link',
      link: { linkId, tokenHash: hashOf(token), partyId: m.complainantId },
    })
    const results = await s.push(officerToken, m.events)
    expect(results.every((r) => r.status === 'accepted')).toBe(true)
    return { m, token, linkId, officerToken }
  }

  const page = (s: TestServer, token: string) => s.app.request(`/api/public/diary/${token}`)
  const send = (s: TestServer, token: string, body: unknown) => s.postJson(`/api/public/diary/${token}/entries`, body)
  const pushOne = async (s: TestServer, officerToken: string, m: MatterBuilder, e: DomainEvent) => {
    const [result] = await s.push(officerToken, [e])
    expect(result?.status).toBe('accepted')
    m.events.push(e)
  }

  it('keeps only the hash of an issued link, and shows the council’s contact details and nothing of the matter', async () => {
    const s = testServer(storage())
    const { token, linkId } = await issued(s)
    const rows = await storage().query<{ link_id: string; token_hash: string }>('SELECT link_id, token_hash FROM diary_links')
    expect(rows).toEqual([{ link_id: linkId, token_hash: hashOf(token) }])
    expect(JSON.stringify(await storage().query('SELECT * FROM diary_links, events, matters'))).not.toContain(token)
    const res = await page(s, token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as DiaryPageResponse
    expect(body).toEqual({ council: { name: 'The Community Safety team' }, entries: [] })
    expect(JSON.stringify(body)).not.toContain('Loud music')
  })

  it('R5: an entry from the phone becomes a diary entry in the link’s name, stops the six-week clock, and reaches the officer', async () => {
    const s = testServer(storage())
    const { m, token, linkId, officerToken } = await issued(s)
    const [before] = await storage().query<{ at: Date | string | null }>('SELECT automatic_closure_at AS at FROM matters')
    expect(new Date(before?.at ?? 0).toISOString()).toBe('2026-12-15T00:00:00.000Z')

    const id = m.id()
    const res = await send(s, token, entry(id))
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ id, sentAt: s.clock.now.toISOString() })

    const pulled = await s.pullAll(officerToken)
    const stored = pulled.events.find((e) => e.id === id)
    expect(stored).toMatchObject({
      type: 'diaryEntryRecorded',
      matterId: m.matterId,
      actorId: `diary-link:${linkId}`,
      deviceId: 'diary-link',
      payload: { viaLinkId: linkId, recordsAsb: true, impact: entry(id).impact },
    })
    const [after] = await storage().query<{ at: unknown; asb: number }>(
      `SELECT automatic_closure_at AS at, (state->'diary'->>'asbEntries')::int AS asb FROM matters`,
    )
    expect(after).toEqual({ at: null, asb: 1 })

    const shown = (await (await page(s, token)).json()) as DiaryPageResponse
    expect(shown.entries).toEqual([{ ...entry(id), sentAt: s.clock.now.toISOString() }])
  })

  it('takes the same entry sent twice once, answering with when it first arrived', async () => {
    const s = testServer(storage())
    const { m, token } = await issued(s)
    const id = m.id()
    const first = await (await send(s, token, entry(id))).json()
    s.clock.now = new Date(s.clock.now.getTime() + 60_000)
    const again = await send(s, token, entry(id))
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)
    const both = await Promise.all([send(s, token, entry(m.id())), send(s, token, entry(m.id()))])
    expect(both.map((r) => r.status)).toEqual([201, 201])
    const [row] = await storage().query<{ n: number | string }>(
      "SELECT count(*) AS n FROM events WHERE type = 'diaryEntryRecorded'",
    )
    expect(Number(row?.n)).toBe(3)
  })

  it('answers unknown, malformed, revoked and closed links with the same 404, and stores nothing from them', async () => {
    const s = testServer(storage())
    const revoked = await issued(s, 1)
    const closed = await issued(s, 2)
    await pushOne(s, revoked.officerToken, revoked.m, proposed(revoked.m, officer, 'diaryLinkRevoked', { linkId: revoked.linkId }))
    await pushOne(
      s,
      closed.officerToken,
      closed.m,
      proposed(closed.m, officer, 'matterClosed', { reason: 'insufficient_information', rationale: 'They moved away.' }),
    )
    const eventsBefore = await countRows(storage(), 'events')
    const answers = []
    for (const token of [newToken(), 'not-a-token', revoked.token, closed.token]) {
      const read = await page(s, token)
      const sent = await send(s, token, entry(revoked.m.id()))
      answers.push({ read: read.status, readBody: await read.text(), sent: sent.status, sentBody: await sent.text() })
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0]).toMatchObject({ read: 404, sent: 404 })
    expect(answers[0]?.readBody).toContain('This diary link does not work')
    expect(await countRows(storage(), 'events')).toBe(eventsBefore)
  })

  it('refuses an entry without what R5 needs, or that claims to say more than it may, storing nothing', async () => {
    const s = testServer(storage())
    const { m, token } = await issued(s)
    const noImpact = await send(s, token, entry(m.id(), { impact: '  ' }))
    expect(noImpact.status).toBe(400)
    expect(await noImpact.json()).toMatchObject({ error: { code: 'invalid_body', issues: [{ path: ['impact'] }] } })
    expect((await send(s, token, entry(m.id(), { recordsAsb: false }))).status).toBe(400)
    expect((await send(s, token, entry(m.id(), { viaLinkId: m.id() }))).status).toBe(400)
    const future = await send(s, token, entry(m.id(), { happenedAt: '2027-01-01T00:00:00.000Z' }))
    expect(future.status).toBe(422)
    expect(await future.json()).toMatchObject({ error: { code: 'refused', message: 'When it happened cannot be in the future.' } })
    const taken = await send(s, token, entry(m.events[0]?.id ?? ''))
    expect(taken.status).toBe(409)
    expect(await countRows(storage(), 'events')).toBe(m.events.length)
  })

  it('limits requests per address and per link, and entries per link per day', async () => {
    const perAddress = testServer(storage(), { limits: { diaryPerAddress: { max: 3, windowMs: 60_000 } } })
    const a = await issued(perAddress, 1)
    for (let i = 0; i < 3; i++) expect((await page(perAddress, newToken())).status).toBe(404)
    const limited = await page(perAddress, a.token)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')

    const perLink = testServer(storage(), {
      limits: { diaryPerLink: { max: 2, windowMs: 60_000 }, diaryEntriesPerLinkPerDay: 1 },
    })
    const b = await issued(perLink, 2)
    expect((await send(perLink, b.token, entry(b.m.id()))).status).toBe(201)
    const overDay = await send(perLink, b.token, entry(b.m.id()))
    expect(overDay.status).toBe(429)
    expect((await page(perLink, b.token)).status).toBe(429)
    expect((await page(perLink, a.token)).status).toBe(200)
  })

  it('never writes the token or a path holding it to the log', async () => {
    const s = testServer(storage())
    const { m, token } = await issued(s)
    await page(s, token)
    await send(s, token, entry(m.id()))
    await page(s, newToken())
    const logged = JSON.stringify(s.logs)
    expect(logged).toContain('/api/public/diary/:token')
    expect(logged).not.toContain(token)
    expect(logged).not.toContain(hashOf(token))
  })
})
