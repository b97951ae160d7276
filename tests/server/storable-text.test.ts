// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ErrorBody } from '../../src/api/error.ts'
import type { PushResponse } from '../../src/api/sync-push.ts'
import { aMatter } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// PostgreSQL text (and jsonb) cannot hold NUL or half of a UTF-16 surrogate pair. Text like that
// must be refused where it comes in, with a reason naming the field, and must never fail a whole
// push: the device would then send the same batch, and fail, for ever.

const loneHighSurrogate = 'Loud music \uD83D every night'
const loneLowSurrogate = 'Shouting \uDE00'

describe.each(testDrivers)('text the database cannot store, on $name', (driver) => {
  const { storage } = useDatabase(driver)

  async function pushJson(body: unknown) {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const res = await s.postJson('/api/sync/push', body, s.auth(token))
    return { status: res.status, body: (await res.json()) as PushResponse & ErrorBody }
  }

  it.each([
    ['a lone high surrogate', loneHighSurrogate],
    ['a lone low surrogate', loneLowSurrogate],
    ['a NUL character', 'Loud\u0000music'],
  ])(
    'rejects only the entry holding %s, naming the field, and stores the rest of the push',
    async (_what, text) => {
      const m = aMatter().reported().withPhoneAttempts(2)
      const [report, first, second] = m.events
      const bad = { ...first, payload: { ...first?.payload, notes: text } }
      const res = await pushJson({ deviceId: 'device-1', events: [report, bad, second] })
      expect(res.status).toBe(200)
      expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted'])
      const refusal = res.body.results[1]
      expect(refusal).toMatchObject({
        id: first?.id,
        status: 'rejected',
        reason: { code: 'invalid_entry' },
      })
      expect(refusal?.status === 'rejected' && refusal.reason.message).toMatch(
        /^Notes .*cannot be stored/,
      )
      expect(await countRows(storage(), 'events')).toBe(2)
    },
  )

  it('rejects a lone surrogate in a name, and keeps a name with a whole emoji', async () => {
    const [event] = aMatter().reported().events
    const payload = event?.payload as { complainant: { name: string } }
    const named = (name: string) => ({
      ...event,
      payload: { ...payload, complainant: { ...payload.complainant, name } },
    })
    const bad = await pushJson({ deviceId: 'device-1', events: [named('Alex \uD83D Morgan')] })
    expect(bad.body.results[0]).toMatchObject({
      status: 'rejected',
      reason: { code: 'invalid_entry' },
    })
    expect(await countRows(storage(), 'events')).toBe(0)
    const ok = await pushJson({ deviceId: 'device-1', events: [named('Alex \uD83D\uDE00 Morgan')] })
    expect(ok.body.results.map((r) => r.status)).toEqual(['accepted'])
  })

  it.each([
    ['username', { username: 'officer1\u0000', password: 'correct horse battery staple' }],
    ['password', { username: 'officer1', password: 'correct\u0000horse' }],
    ['username', { username: 'officer\uD800', password: 'correct horse battery staple' }],
  ])('answers a sign-in with unstorable text in the %s with 400 naming it', async (field, body) => {
    const s = testServer(storage())
    const res = await s.postJson('/api/auth/login', body)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_body', issues: [{ path: [field] }] },
    })
  })

  it('refuses a push whose device id the database cannot store, before storing anything', async () => {
    const events = aMatter()
      .reported()
      .events.map((e) => ({ ...e, deviceId: 'tab\u0000let' }))
    const res = await pushJson({ deviceId: 'tab\u0000let', events })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path).toEqual(['deviceId'])
    expect(await countRows(storage(), 'events')).toBe(0)
  })
})
