import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../src/domain/events.ts'
import { evolve, fold } from '../../src/domain/fold.ts'
import { monotonicUuidV7 } from '../../src/domain/ids.ts'
import type { MatterState } from '../../src/domain/matter-state.ts'
import { aCase, aMatter, manager } from './support/matter-builder.ts'

// fold(events) → state: the action plan is the event list, and the state is derived from it.

const foldStepByStep = (events: readonly DomainEvent[]) =>
  events.reduce<MatterState | null>(
    (state, e, i) => evolve(state, e) ?? fold(events.slice(0, i + 1)),
    null,
  )

describe('fold', () => {
  it('gives no state until the first report arrives', () => {
    const m = aMatter().reported().thresholdMet()
    expect(fold([])).toBeNull()
    expect(fold(m.events.slice(1))).toBeNull()
    // Entries that arrive before their report are not lost: they fold as soon as it does.
    const late = fold([m.events[1], m.events[0]] as DomainEvent[])
    expect(late).toMatchObject({ threshold: { met: true }, eventCount: 2 })
  })

  it('starts the matter from the report: reference, complainant, phase, the R11 clock', () => {
    const m = aMatter().at('2026-11-02T09:15:00.000Z').reported()
    expect(m.state()).toMatchObject({
      id: m.matterId,
      createdBy: 'officer-1',
      phase: 'enquiry',
      channel: 'phone',
      anonymous: false,
      lastReportAt: '2026-11-02T09:15:00.000Z',
      eventCount: 1,
      updatedAt: '2026-11-02T09:15:00.000Z',
    })
    expect(m.state().reference).toMatch(/^ASB-[0-9A-F]{5}-[0-9A-F]{5}$/)
  })

  it('counts the events and keeps the latest recordedAt, ignoring other matters’ events', () => {
    const m = aMatter().reported().on('2026-11-05').thresholdMet()
    const other = aMatter(2).reported().thresholdNotMet()
    expect(fold([...m.events, ...other.events])).toEqual(m.state())
    expect(m.state()).toMatchObject({ eventCount: 2, updatedAt: '2026-11-05T10:00:00.000Z' })
  })

  it('skips forward and never back: an intervention straight from the case, a diary entry after it', () => {
    const m = aCase().intervention('advice_letter').diaryEntry()
    expect(m.state().phase).toBe('intervention')
    expect(m.state().diary).toEqual({ sheetsIssuedOn: '2026-11-02', entries: 2, asbEntries: 2, links: [] })
  })

  it('keeps the later of two edits of the same field', () => {
    const m = aMatter().reported()
    m.record('matterDetailsUpdated', { category: 'harassment_intimidation' })
    m.record('matterDetailsUpdated', {
      category: 'verbal_abuse',
      description: 'Shouting abuse at the door.',
    })
    expect(m.state()).toMatchObject({
      category: 'verbal_abuse',
      description: 'Shouting abuse at the door.',
    })
  })

  it('updates a party added again, rather than adding them twice', () => {
    const m = aMatter().reported().withPerpetrator()
    m.record('partyAdded', {
      partyId: m.perpetratorId,
      role: 'alleged_perpetrator',
      name: 'Sam Reed',
      dateOfBirth: '2009-03-14',
    })
    expect(m.state().parties).toHaveLength(2)
    expect(m.state().parties[1]).toMatchObject({ name: 'Sam Reed', dateOfBirth: '2009-03-14' })
  })

  it('remembers where a closure came from, so rejection and reopening return there', () => {
    const m = aCase().investigationStarted().closureRequested('not_asb')
    expect(m.state()).toMatchObject({
      phase: 'closure_requested',
      phaseBeforeClosure: 'investigation',
    })
    m.as(manager).closureApproved()
    expect(m.state()).toMatchObject({ phase: 'closed', phaseBeforeClosure: 'investigation' })
  })

  it('evolve, one event at a time, gives the same state as folding the whole list', () => {
    const m = aCase({ level: 'high' })
      .investigationStarted()
      .intervention('verbal_warning')
      .closureRequested('not_asb')
    m.as(manager).closureRejected()
    expect(foldStepByStep(m.events)).toEqual(m.state())
  })
})

describe('device ids', () => {
  it('sort in the order they were made, even within one millisecond', () => {
    let n = 0
    const next = monotonicUuidV7(() => new Uint8Array(10).fill(255 - (n++ % 256)))
    const ids = Array.from({ length: 50 }, () => next(Date.parse('2026-11-25T12:00:00.000Z')))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(50)
  })
})
