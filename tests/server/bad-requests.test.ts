// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ErrorBody } from '../../src/api/error.ts'
import { maxPushEvents } from '../../src/api/sync-push.ts'
import { aMatter } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// DESIGN.md: every body is validated with the api/ schemas; anything else gets 400 with a
// machine-readable reason, and nothing is stored.

describe.each(testDrivers)('bad requests on $name', (driver) => {
  const { storage } = useDatabase(driver)

  async function pushRaw(body: string, contentType = 'application/json') {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const res = await s.app.request('/api/sync/push', {
      method: 'POST',
      headers: { ...s.auth(token), 'content-type': contentType },
      body,
    })
    return { status: res.status, body: (await res.json()) as ErrorBody }
  }

  const pushJson = (body: unknown) => pushRaw(JSON.stringify(body))

  it('400 invalid_json for a body that is not JSON', async () => {
    const res = await pushRaw('{"deviceId": "device-1", "events": [')
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } })
  })

  it('415 for a body that is not sent as JSON', async () => {
    const res = await pushRaw(JSON.stringify({ deviceId: 'device-1', events: [] }), 'text/plain')
    expect(res).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } })
  })

  it('400 invalid_body, with the path of each issue, for missing fields', async () => {
    const res = await pushJson({ events: aMatter().reported().events })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_body')
    expect(res.body.error.issues?.map((i) => i.path)).toEqual([['deviceId']])
    expect((await pushJson({ deviceId: 'device-1' })).body.error.issues?.[0]?.path).toEqual([
      'events',
    ])
    expect((await pushJson({ deviceId: 'device-1', events: [] })).status).toBe(400)
  })

  it('stores nothing when one event of a batch is malformed', async () => {
    const events: unknown[] = [...aMatter().reported().withPhoneAttempts(2).events]
    events[2] = {
      ...(events[2] as object),
      payload: { method: 'carrier pigeon', outcome: 'no_answer' },
    }
    const res = await pushJson({ deviceId: 'device-1', events })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path.slice(0, 2)).toEqual(['events', 2])
    expect(await countRows(storage(), 'events')).toBe(0)
  })

  it('400 for an event of an unknown type, or with a malformed id', async () => {
    const [event] = aMatter().reported().events
    expect(
      (await pushJson({ deviceId: 'device-1', events: [{ ...event, type: 'matterDeleted' }] }))
        .status,
    ).toBe(400)
    expect(
      (await pushJson({ deviceId: 'device-1', events: [{ ...event, id: 'not-a-uuid' }] })).status,
    ).toBe(400)
  })

  it(`400 for more than ${maxPushEvents} events in one push`, async () => {
    const m = aMatter().reported().withPhoneAttempts(maxPushEvents)
    const res = await pushJson({ deviceId: 'device-1', events: m.events })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path).toEqual(['events'])
    expect(await countRows(storage(), 'events')).toBe(0)
  })

  it('400 for text with a NUL character, which the database cannot keep', async () => {
    const m = aMatter().reported()
    const [event] = m.events
    const bad = { ...event, payload: { ...event?.payload, description: 'Loud\u0000music' } }
    expect((await pushJson({ deviceId: 'device-1', events: [bad] })).status).toBe(400)
  })

  it('413 for a push larger than the limit, before reading it', async () => {
    const res = await pushRaw(
      JSON.stringify({ deviceId: 'device-1', events: [], padding: 'x'.repeat(5 * 1024 * 1024) }),
    )
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } })
  })

  it('413 for a sign-in larger than 4 KB', async () => {
    const s = testServer(storage())
    const res = await s.postJson('/api/auth/login', {
      username: 'officer1',
      password: 'p'.repeat(5000),
    })
    expect(res.status).toBe(413)
  })

  it('400 invalid_body for a sign-in with no password', async () => {
    const s = testServer(storage())
    const res = await s.postJson('/api/auth/login', { username: 'officer1' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_body', issues: [{ path: ['password'] }] },
    })
  })

  it.each(['after=-1', 'after=abc', 'limit=0', 'limit=1001', 'limit=2.5', 'after=1e3'])(
    '400 invalid_query for a pull with %s',
    async (query) => {
      const s = testServer(storage())
      const res = await s.app.request(`/api/sync/pull?${query}`, {
        headers: s.auth(await s.signIn('officer1')),
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_query' } })
    },
  )

  it('404 in the error shape for an API route that does not exist', async () => {
    const s = testServer(storage())
    const res = await s.app.request('/api/sync/everything')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})
