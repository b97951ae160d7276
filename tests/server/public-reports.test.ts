// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { publicReferencePattern } from '../../src/api/public-report.ts'
import type { EventOf } from '../../src/domain/events.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

const report = {
  location: { address: 'Play area, Victoria Road', postcode: 'gu51 4ae' },
  category: 'rowdy_behaviour',
  description:
    'A group of teenagers throwing bottles at the play equipment most evenings after 9pm.',
}

describe.each(testDrivers)('POST /api/public/reports on $name', (driver) => {
  const { storage } = useDatabase(driver)

  const send = (s: ReturnType<typeof testServer>, body: unknown) =>
    s.postJson('/api/public/reports', body)

  async function storedReport(): Promise<EventOf<'reportReceived'>> {
    const [row] = await storage().query<{ body: EventOf<'reportReceived'> }>(
      'SELECT body FROM events',
    )
    if (!row) throw new Error('No report was stored.')
    return row.body
  }

  it('R1: takes an anonymous report, keeping no contact details even if some are sent', async () => {
    const s = testServer(storage())
    const res = await send(s, {
      ...report,
      anonymous: true,
      name: 'Chris Taylor',
      phone: '01252 000000',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ reference: 'ASB-2026-000001' })
    const event = await storedReport()
    expect(event.payload).toMatchObject({
      channel: 'online_form',
      anonymous: true,
      reference: 'ASB-2026-000001',
    })
    expect(event.payload.complainant).toBeUndefined()
    const everything = JSON.stringify(await storage().query('SELECT * FROM events, matters'))
    expect(everything).not.toContain('Chris Taylor')
    expect(everything).not.toContain('01252 000000')
  })

  it('R1: takes a named report with a way to contact the complainant', async () => {
    const s = testServer(storage())
    const res = await send(s, {
      ...report,
      anonymous: false,
      name: 'Chris Taylor',
      email: 'chris@example.com',
    })
    expect(res.status).toBe(201)
    const event = await storedReport()
    expect(event.actorId).toBe('public')
    expect(event.payload.location.postcode).toBe('GU51 4AE')
    expect(event.payload.complainant).toMatchObject({
      name: 'Chris Taylor',
      contact: { email: 'chris@example.com' },
    })
  })

  it('R1: refuses a named report with no phone or e-mail', async () => {
    const s = testServer(storage())
    const res = await send(s, { ...report, anonymous: false, name: 'Chris Taylor' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_body', issues: [{ path: ['phone'] }] },
    })
    expect(await countRows(storage(), 'events')).toBe(0)
  })

  it('refuses a report with the hidden honeypot field filled in, storing nothing', async () => {
    const s = testServer(storage())
    const res = await send(s, { ...report, anonymous: true, website: 'http://spam.example' })
    expect(res.status).toBe(400)
    expect(await countRows(storage(), 'events')).toBe(0)
  })

  it('numbers references in order, with the year, and records each against its matter', async () => {
    const s = testServer(storage())
    const refs = []
    for (let i = 0; i < 3; i++)
      refs.push(
        ((await (await send(s, { ...report, anonymous: true })).json()) as { reference: string })
          .reference,
      )
    expect(refs).toEqual(['ASB-2026-000001', 'ASB-2026-000002', 'ASB-2026-000003'])
    expect(refs.every((r) => publicReferencePattern.test(r))).toBe(true)
    expect(await countRows(storage(), 'public_reports')).toBe(3)
  })

  it('puts the new enquiry in front of every officer, unassigned', async () => {
    const s = testServer(storage())
    await send(s, { ...report, anonymous: true })
    for (const person of ['officer1', 'officer2', 'manager1'] as const) {
      const { events } = await s.pull(await s.signIn(person))
      expect(events.map((e) => [e.type, e.actorId])).toEqual([['reportReceived', 'public']])
    }
    const [row] = await storage().query<{ phase: string; assigned_officer_id: string | null }>(
      'SELECT phase, assigned_officer_id FROM matters',
    )
    expect(row).toEqual({ phase: 'enquiry', assigned_officer_id: null })
  })

  it('limits reports per address with 429', async () => {
    const s = testServer(storage(), {
      limits: { publicReportsPerAddress: { max: 2, windowMs: 10 * 60_000 } },
    })
    expect((await send(s, { ...report, anonymous: true })).status).toBe(201)
    expect((await send(s, { ...report, anonymous: true })).status).toBe(201)
    const limited = await send(s, { ...report, anonymous: true })
    expect(limited.status).toBe(429)
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } })
    expect(await countRows(storage(), 'events')).toBe(2)
  })

  it('413 for a report larger than 16 KB', async () => {
    const s = testServer(storage())
    const res = await send(s, { ...report, anonymous: true, description: 'x'.repeat(17 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } })
  })
})
