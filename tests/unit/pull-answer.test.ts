import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.ts'
import { createHttpClient } from '../../src/sync/http-client.ts'

// A pulled page is checked whole before anything of it is stored: a server (or anything between
// it and the tablet) that sends an event out of shape gets a clear error, and the device keeps
// what it has.

const event = (n: number): DomainEvent & { seq: number } => ({
  id: `0193a0b4-2c00-7000-8000-00000000000${n}`,
  matterId: '0193a0b4-2c00-7000-8000-0000000000aa',
  actorId: 'officer-1',
  deviceId: 'tablet-1',
  occurredAt: '2026-11-25T09:00:00.000Z',
  recordedAt: '2026-11-25T09:00:00.000Z',
  type: 'contactAttempted',
  payload: { method: 'phone', outcome: 'no_answer' },
  seq: n,
})

function pullAnswering(body: unknown) {
  const http = createHttpClient(() => Promise.resolve(Response.json(body)))
  return http.pull('token', 0, 1000)
}

describe('a pulled page', () => {
  it('comes back with every event, its seq and its fields as stored', async () => {
    const page = { events: [event(1), event(2)], cursor: 2, hasMore: false }
    const result = await pullAnswering(page)
    expect(result).toEqual({ ok: true, value: page })
  })

  it('keeps each event\'s arrival and chain link as sent, so the device can check the chain (issue 13)', async () => {
    const chained = { ...event(1), receivedAt: '2026-11-25T09:00:01.000Z', hash: 'ab'.repeat(32) }
    const page = { events: [chained, event(2)], cursor: 2, hasMore: false }
    expect(await pullAnswering(page)).toEqual({ ok: true, value: page })
  })

  it.each([
    ['a chain link that is not 64 hex characters', { ...event(2), hash: 'not-a-hash' }],
    ['an arrival that is not an instant', { ...event(2), receivedAt: 'yesterday' }],
    ['an event without its seq', { ...event(2), seq: undefined }],
    ['a seq that is not a positive whole number', { ...event(2), seq: 0 }],
    ['an unknown event type', { ...event(2), type: 'matterDeleted' }],
    ['a payload out of shape', { ...event(2), payload: { method: 'carrier pigeon', outcome: 'no_answer' } }],
    ['an instant that is not one', { ...event(2), occurredAt: '2026-02-30T09:00:00.000Z' }],
  ])('with %s is refused whole, with a clear error', async (_, bad) => {
    const result = await pullAnswering({ events: [event(1), bad], cursor: 2, hasMore: false })
    expect(result).toMatchObject({ ok: false, code: 'bad_response', message: 'The server’s answer was not in the expected form.' })
  })
})
