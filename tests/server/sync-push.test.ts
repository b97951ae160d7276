// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.ts'
import { fold } from '../../src/domain/fold.ts'
import { aCase, aMatter, manager, officer, otherOfficer, proposed } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, storedState, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

describe.each(testDrivers)('POST /api/sync/push on $name', (driver) => {
  const { storage } = useDatabase(driver)

  const phoneReport = (seed = 1) => aMatter(seed).reported().withPhoneAttempts(2)

  it('accepts new events and stamps a seq on each, in the order sent', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = phoneReport()
    const results = await s.push(token, m.events)
    expect(results).toEqual(m.events.map((e, i) => ({ id: e.id, status: 'accepted', seq: i + 1 })))
    expect(await countRows(storage(), 'events')).toBe(3)
  })

  it('keeps seq gap-free across pushes, even when a push has rejected events', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const first = phoneReport(1)
    const second = phoneReport(2)
    const refused = proposed(second, officer, 'closureApproved', {})
    await s.push(token, first.events)
    const results = await s.push(token, [refused, ...second.events])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted', 'accepted', 'accepted'])
    expect(results.flatMap((r) => ('seq' in r ? [r.seq] : []))).toEqual([4, 5, 6])
    const [row] = await storage().query<{ n: number | string; max: number | string }>(
      'SELECT count(*) AS n, max(seq) AS max FROM events',
    )
    expect(Number(row?.n)).toBe(Number(row?.max))
  })

  it('stores the same batch pushed twice once, answering duplicate with the first seq', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = phoneReport()
    const first = await s.push(token, m.events)
    const again = await s.push(token, m.events)
    expect(again).toEqual(first.map((r) => ({ ...r, status: 'duplicate' })))
    expect(await countRows(storage(), 'events')).toBe(3)
  })

  it('stores an event pushed by concurrent requests once', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = phoneReport()
    const all = await Promise.all(Array.from({ length: 5 }, () => s.push(token, m.events)))
    expect(await countRows(storage(), 'events')).toBe(3)
    for (const [i, event] of m.events.entries()) {
      const answers = all.map((results) => results[i])
      expect(answers.filter((r) => r?.status === 'accepted')).toHaveLength(1)
      expect(new Set(answers.map((r) => r && 'seq' in r && r.seq))).toEqual(new Set([i + 1]))
      expect(answers.every((r) => r?.id === event.id)).toBe(true)
    }
  })

  it('refuses a different event sent under an id already stored', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = phoneReport()
    await s.push(token, m.events)
    const forged = { ...m.events[1], occurredAt: '2026-11-01T09:00:00.000Z' } as DomainEvent
    const [result] = await s.push(token, [forged])
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'id_conflict' } })
  })

  it('applies a batch in order, so a later event may rely on an earlier one', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued().diaryEntry()
    const results = await s.push(token, m.events)
    expect(results.every((r) => r.status === 'accepted')).toBe(true)
    const [row] = await storage().query<{ phase: string; state: { diary: { entries: number } } }>(
      'SELECT phase, state FROM matters',
    )
    expect(row?.phase).toBe('evidence')
    expect(row?.state.diary.entries).toBe(1)
  })

  it('refolds a correction of an entry sent to the database in an earlier chunk of the same push', async () => {
    // Events are written 100 at a time while later ones are checked (event-log.ts).
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued().diaryEntry()
    const entry = m.last()
    for (let i = 0; i < 150; i++) m.diaryEntry()
    m.record('entryCorrected', {
      targetEventId: entry.id,
      reason: 'Typed the wrong place.',
      changes: { location: 'Flat 4' },
    })
    for (let i = 0; i < 60; i++) m.diaryEntry()
    const results = await s.push(token, m.events)
    expect(results.map((r) => 'seq' in r && r.seq)).toEqual(m.events.map((_, i) => i + 1))
    expect(await storedState(storage())).toEqual(fold(m.events))
  })

  it('corrections of entries stored by an earlier push fold the whole history, however the batches fall', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued().diaryEntry()
    const first = m.last()
    for (let i = 0; i < 40; i++) m.diaryEntry()
    const earlier = m.events.length
    for (let i = 0; i < 5; i++) m.diaryEntry()
    const second = m.last()
    m.record('entryCorrected', { targetEventId: first.id, reason: 'Wrong flat.', changes: { location: 'Flat 4' } })
    m.diaryEntry()
    m.record('entryCorrected', { targetEventId: second.id, reason: 'Wrong time.', changes: { location: 'Stairwell' } })
    m.record('entryCorrected', { targetEventId: first.id, reason: 'Wrong again.', changes: { location: 'Flat 5' } })

    await s.push(token, m.events.slice(0, earlier))
    const results = await s.push(token, m.events.slice(earlier))

    expect(results.every((r) => r.status === 'accepted')).toBe(true)
    expect(await storedState(storage())).toEqual(fold(m.events))
  })

  it('R2: an officer’s closure of an unassigned enquiry, sent without taking it on, is rejected', async () => {
    const s = testServer(storage())
    const m = aMatter().as(manager).reported()
    await s.push(await s.signIn('manager1'), m.events)
    const closing = proposed(m, officer, 'thresholdAssessed', { met: false, reason: 'One party last summer.' })
    const [result] = await s.push(await s.signIn('officer1'), [closing])
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'unassigned' } })
    // Nothing changed: the enquiry is still open and still the team's.
    expect(await storedState(storage())).toMatchObject({ phase: 'enquiry', assignedOfficerId: null })
  })

  it('R16: an officer cannot approve a closure', async () => {
    const s = testServer(storage())
    const m = aCase().closureRequested('asb_stopped_low_risk')
    await s.push(await s.signIn('officer1'), m.events)
    const approval = proposed(m, officer, 'closureApproved', {})
    const [result] = await s.push(await s.signIn('officer1'), [approval])
    expect(result).toMatchObject({
      status: 'rejected',
      reason: { code: 'manager_only', rule: 'R16' },
    })
    const [byManager] = await s.push(await s.signIn('manager1'), [
      proposed(m, manager, 'closureApproved', {}),
    ])
    expect(byManager?.status).toBe('accepted')
  })

  it('R6: a step the phase does not allow is rejected with the reason', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().reported()
    const early = proposed(m, officer, 'investigationStarted', {
      summary: 'Start before the case exists.',
    })
    const [, result] = await s.push(token, [...m.events, early])
    expect(result).toMatchObject({
      status: 'rejected',
      reason: { code: 'case_record_required', rule: 'R6' },
    })
    expect(await countRows(storage(), 'events')).toBe(1)
  })

  it("rejects an event for a matter the officer cannot see (another officer's case)", async () => {
    const s = testServer(storage())
    const m = aMatter().reported()
    m.record('matterAssigned', { officerId: officer.id })
    await s.push(await s.signIn('officer1'), m.events)
    const intruding = proposed(m, otherOfficer, 'contactAttempted', {
      method: 'phone',
      outcome: 'no_answer',
    })
    const [result] = await s.push(await s.signIn('officer2'), [intruding])
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'not_visible' } })
  })

  it('rejects assigning a matter to someone who is not an officer or manager here', async () => {
    const s = testServer(storage())
    const m = aMatter().reported()
    const toNobody = proposed(m, manager, 'matterAssigned', { officerId: 'officer-99' })
    const toAdmin = proposed(m, manager, 'matterAssigned', { officerId: 'admin-1' })
    await s.push(await s.signIn('officer1'), m.events)
    const results = await s.push(await s.signIn('manager1'), [toNobody, toAdmin])
    expect(results.map((r) => r.status === 'rejected' && r.reason.code)).toEqual([
      'unknown_officer',
      'unknown_officer',
    ])
  })

  it('rejects an event recorded in the name of someone other than the signed-in user', async () => {
    const s = testServer(storage())
    const m = aMatter().reported()
    const [result] = await s.push(await s.signIn('officer2'), m.events)
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'wrong_actor' } })
  })

  it('rejects an event that names a different device from the push', async () => {
    const s = testServer(storage())
    const [result] = await s.push(
      await s.signIn('officer1'),
      aMatter().reported().events,
      'device-2',
    )
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'wrong_device' } })
  })

  it('gives an administrator 403: they manage users, not case work', async () => {
    const s = testServer(storage())
    const res = await s.postJson(
      '/api/sync/push',
      { deviceId: 'device-1', events: aMatter().reported().events },
      s.auth(await s.signIn('admin1')),
    )
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('keeps the matter row in step with its events, re-folding after a correction', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter().reported().assigned().thresholdMet().diarySheetsIssued().diaryEntry()
    const entry = m.last()
    m.record('entryCorrected', {
      targetEventId: entry.id,
      reason: 'Typed the wrong place.',
      changes: { location: 'Flat 4' },
    })
    const results = await s.push(token, m.events)
    expect(results.every((r) => r.status === 'accepted')).toBe(true)
    const [row] = await storage().query<{
      last_seq: number | string
      state: { eventCount: number }
    }>('SELECT last_seq, state FROM matters')
    expect(Number(row?.last_seq)).toBe(m.events.length)
    expect(row?.state.eventCount).toBe(m.events.length)
  })
})
