// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ErrorBody } from '../../src/api/error.ts'
import type { PushResponse } from '../../src/api/sync-push.ts'
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

  // Issue 14: a malformed entry is refused on its own, so a device holding one still syncs the rest.
  it('rejects only the malformed entry of a batch, naming its field, and stores the rest', async () => {
    const events: unknown[] = [...aMatter().reported().withPhoneAttempts(2).events]
    events[2] = {
      ...(events[2] as object),
      payload: { method: 'carrier pigeon', outcome: 'no_answer' },
    }
    const res = await pushJson({ deviceId: 'device-1', events })
    expect(res.status).toBe(200)
    const { results } = res.body as unknown as PushResponse
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected'])
    const refused = results[2]
    expect(refused?.status === 'rejected' && refused.reason.code).toBe('invalid_entry')
    expect(refused?.status === 'rejected' && refused.reason.message).toContain('payload.method')
    expect(await countRows(storage(), 'events')).toBe(2)
  })

  it('rejects an entry of an unknown type; 400 for an entry with a malformed id', async () => {
    const [event] = aMatter().reported().events
    const unknown = await pushJson({
      deviceId: 'device-1',
      events: [{ ...event, type: 'matterDeleted' }],
    })
    expect((unknown.body as unknown as PushResponse).results).toMatchObject([
      { id: event?.id, status: 'rejected', reason: { code: 'invalid_entry' } },
    ])
    const res = await pushJson({ deviceId: 'device-1', events: [{ ...event, id: 'not-a-uuid' }] })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path).toEqual(['events', 0, 'id'])
    expect(await countRows(storage(), 'events')).toBe(0)
  })

  it(`400 for more than ${maxPushEvents} events in one push`, async () => {
    const m = aMatter().reported().withPhoneAttempts(maxPushEvents)
    const res = await pushJson({ deviceId: 'device-1', events: m.events })
    expect(res.status).toBe(400)
    expect(res.body.error.issues?.[0]?.path).toEqual(['events'])
    expect(await countRows(storage(), 'events')).toBe(0)
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
