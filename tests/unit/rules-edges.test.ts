import { describe, expect, it } from 'vitest'
import { automaticClosureEvent } from '../../src/domain/automatic-closure.ts'
import { evaluate } from '../../src/domain/evaluate.ts'
import type { DomainEvent } from '../../src/domain/events.ts'
import { fold } from '../../src/domain/fold.ts'
import { aCase, aMatter, officer, refusalOf, system } from './support/matter-builder.ts'
import { riskAssessment } from './support/risk-assessment.ts'

// DOMAIN.md "Where the dates and the people must agree": the procedure runs in an order, and a
// record that contradicts it is refused with a reason. Each answer must be the same on every
// device and on the server, whenever each syncs.

/** A named enquiry: three unanswered calls on 2 Nov 2026 and the R4 letter sent the same day. */
const letterSent = () => aMatter().on('2026-11-02').reported().withPhoneAttempts(3).letterSent()
// Ten working days from the day after 2 Nov: the last day is Mon 16 Nov; it closes at midnight.
const day9 = '2026-11-13T15:00:00.000Z'
const day11 = '2026-11-17T10:00:00.000Z'

const call = (m: ReturnType<typeof aMatter>, occurredAt: string) => ({
  ...m.propose('contactMade', { method: 'phone', direction: 'inbound', summary: 'Rang back.' }),
  occurredAt,
})

describe('R4, R5: an automatic closure is in force from the end of its last day', () => {
  it('R4: a contact that happened after the deadline is refused although the server has not written the closure yet', () => {
    const m = letterSent().at(day11)
    const result = m.check(call(m, day11))
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'closed_automatically', rule: 'R4' },
    })
    if (!result.ok) expect(result.refusal.message).toContain('Mon 16 Nov 2026')
  })

  it('R4: a call taken on day 9 and synced on day 11, after the server closed the matter, still stops the clock', () => {
    const m = letterSent().at(day11)
    const late = call(m, day9)
    const inTime = fold([...m.events, late] as DomainEvent[])
    m.add(automaticClosureEvent(m.state(), day11, 'server'), system)
    expect(m.state().phase).toBe('closed')
    m.add(late)
    const afterClosure = m.state()
    expect(afterClosure).toMatchObject({
      phase: 'enquiry',
      contact: { established: true },
      closure: { reason: null },
    })
    // The same answer as on a device where the call synced before the deadline.
    expect(afterClosure.phase).toBe(inTime?.phase)
    expect(afterClosure.contact).toEqual(inTime?.contact)
    expect(automaticClosureEvent(afterClosure, '2026-11-20T10:00:00.000Z', 'server')).toBeNull()
  })

  it('R4: a step that happened after the deadline does not reopen the matter: the closure is in force and is then written once', () => {
    const m = aMatter()
      .on('2026-11-02')
      .reported()
      .assigned()
      .thresholdMet()
      .diarySheetsIssued('2026-11-02')
    // R5: the 42 days end on Mon 14 Dec; on Tue 15 Dec the officer advises the complainant of the closure.
    m.at('2026-12-15T10:00:00.000Z').record('closureAdvised', {
      method: 'phone',
      advisedOn: '2026-12-15',
    })
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'no_evidence', recorded: false },
    })
    const written = automaticClosureEvent(m.state(), '2026-12-15T10:05:00.000Z', 'server')
    expect(written?.payload).toMatchObject({ reason: 'no_evidence', deadline: '2026-12-14' })
    m.add(written, system)
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: {
        reason: 'no_evidence',
        recorded: true,
        closedAt: '2026-12-15T00:00:00.000Z',
        complainantAdvisedOn: '2026-12-15',
      },
    })
    expect(automaticClosureEvent(m.state(), '2026-12-16T10:00:00.000Z', 'server')).toBeNull()
  })

  it('R5: a diary entry recording ASB dated after the 42 days is refused; evidence from before them stops the clock even when it syncs late', () => {
    const m = aMatter()
      .on('2026-11-02')
      .reported()
      .assigned()
      .thresholdMet()
      .diarySheetsIssued('2026-11-02')
    m.at('2026-12-15T09:00:00.000Z')
    const lateEntry = m.try('diaryEntryRecorded', {
      happenedAt: '2026-12-14T22:00:00.000Z',
      location: 'Flat 3',
      who: 'Neighbour',
      what: 'Music.',
      impact: 'No sleep.',
    })
    expect(lateEntry).toMatchObject({
      ok: false,
      refusal: { code: 'closed_automatically', rule: 'R5' },
    })
    m.add(automaticClosureEvent(m.state(), m.now, 'server'), system)
    const evidence = {
      ...m.propose('evidenceAdded', {
        evidenceId: m.id(),
        kind: 'police_report',
        description: 'Police log of a noise call.',
        source: 'Police',
        obtainedOn: '2026-12-10',
        independent: true,
      }),
      occurredAt: '2026-12-10T12:00:00.000Z',
    }
    m.add(evidence)
    expect(m.state().phase).toBe('evidence')
    expect(m.evaluate('2027-02-01T10:00:00.000Z').automaticClosure).toBeNull()
  })

  it('R4: a reopening and the server’s closure give the same matter in either order', () => {
    const m = letterSent().as(officer).at(day11)
    const reopen = m.propose('matterReopened', { reason: 'The complainant rang the office.' })
    const closure = automaticClosureEvent(m.state(), day11, 'server')
    const base = m.events
    const closedFirst = fold([...base, closure!, reopen] as DomainEvent[])
    const reopenedFirst = fold([...base, reopen] as DomainEvent[])
    expect(closedFirst?.phase).toBe('enquiry')
    expect(reopenedFirst?.phase).toBe(closedFirst?.phase)
    expect(reopenedFirst?.contact.letterSentOn).toBeNull()
    expect(automaticClosureEvent(reopenedFirst!, '2026-11-20T10:00:00.000Z', 'server')).toBeNull()
  })
})

describe('dates in the procedure’s order', () => {
  it('R4: the letter cannot be dated before the third unanswered call', () => {
    const m = aMatter().on('2026-11-02').reported().on('2026-11-05').withPhoneAttempts(3)
    const early = m.try('contactLetterSent', { method: 'letter', sentOn: '2026-11-04' })
    expect(early).toMatchObject({ ok: false, refusal: { code: 'letter_before_calls', rule: 'R4' } })
    if (!early.ok) expect(early.refusal.message).toContain('Thu 5 Nov 2026')
    expect(m.try('contactLetterSent', { method: 'email', sentOn: '2026-11-05' }).ok).toBe(true)
  })

  it('R5: issuing diary sheets again does not restart the 42 days', () => {
    const m = aMatter()
      .on('2026-11-02')
      .reported()
      .assigned()
      .thresholdMet()
      .diarySheetsIssued('2026-11-02')
    m.later(20).diarySheetsIssued()
    expect(m.evaluate().automaticClosure?.deadline).toBe('2026-12-14')
  })

  it('R14: a written warning’s comply-by date comes after the warning itself', () => {
    const m = aCase()
    const refusal = refusalOf(() => m.intervention('warning_letter', { complyBy: m.today }))
    expect(refusal).toEqual({
      code: 'invalid',
      message: 'The date to comply by must be after the date of the warning.',
    })
  })

  it('R14: a PSPO’s consultations are dated on or before the day it is made', () => {
    const m = aCase().legalDecision()
    const pspo = (consultedCommunityOn: string) =>
      m.try('legalStepTaken', {
        kind: 'public_space_protection_order',
        stepId: m.id(),
        area: 'Fleet town centre',
        durationMonths: 36,
        servedOn: '2026-11-02',
        consultedPoliceOn: '2026-10-01',
        consultedCommissionerOn: '2026-10-02',
        consultedCommunityOn,
      })
    expect(pspo('2026-11-03')).toMatchObject({
      ok: false,
      refusal: { code: 'pspo_consulted_after', rule: 'R14' },
    })
    expect(pspo('2026-11-02').ok).toBe(true)
  })

  it('R17: the victim is told on or before the day the closure is requested, never later', () => {
    const m = aCase().later(30)
    const told = (on: string) => ({ told: true as const, method: 'phone' as const, on })
    expect(
      refusalOf(() =>
        m.closureRequested('asb_stopped_low_risk', { victimTold: told('2026-12-03') }),
      ),
    ).toMatchObject({ code: 'victim_told_later', rule: 'R17' })
    expect(() =>
      m.closureRequested('asb_stopped_low_risk', { victimTold: told(m.today) }),
    ).not.toThrow()
  })

  it('R13: a record that says legal services were consulted says what they advised', () => {
    const m = aCase()
    const refusal = m.try('legalDecisionRecorded', {
      decisionId: m.id(),
      legalServicesConsulted: true,
      proportionality: 'The behaviour continues after a warning.',
    })
    expect(refusal).toEqual({
      ok: false,
      refusal: { code: 'invalid', message: 'Say what legal services advised.' },
    })
  })
})

describe('R12, R18: "both parties" are two different people', () => {
  it('R12: a mediation referral that names one person twice is refused', () => {
    const m = aCase()
    const twice = [m.perpetratorId, m.perpetratorId]
    const refusal = refusalOf(() =>
      m.intervention('mediation_referral', {
        partyIds: twice,
        consents: twice.map((partyId) => ({ partyId, consented: true })),
      }),
    )
    expect(refusal.message).toBe('The same person is named twice: choose different people.')
  })

  it('R18: a mediation offer that names one person twice is refused', () => {
    const m = aCase()
    const result = m.try('mediationOffered', {
      offeredOn: m.today,
      responses: [
        { partyId: m.complainantId, response: 'consented' },
        { partyId: m.complainantId, response: 'declined' },
      ],
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.refusal.message).toContain('two different people')
  })
})

describe('R7, R8: a high level brings the next contact forward', () => {
  const reassess = (m: ReturnType<typeof aCase>, level: 'high' | 'medium') =>
    m.record('riskAssessed', { riskAssessment: riskAssessment(level) })

  it('R7: an assessment at high brings a later date set by the officer to within 7 days of it', () => {
    const m = aCase().as(officer)
    m.record('nextContactSet', { dueOn: '2026-12-20' })
    m.later(3)
    reassess(m, 'high')
    const due = (at: ReturnType<typeof aCase>) =>
      evaluate(at.state(), at.now).dueActions.find((a) => a.kind === 'next_contact')?.dueOn
    expect(due(m)).toBe('2026-11-12')
    // R8: a lower level at the next assessment does not move it back.
    m.later(1)
    reassess(m, 'medium')
    expect(due(m)).toBe('2026-11-12')
  })

  it('R7: a date the officer set earlier than 7 days stands', () => {
    const m = aCase().as(officer)
    m.record('nextContactSet', { dueOn: '2026-11-04' })
    reassess(m.later(1), 'high')
    expect(
      evaluate(m.state(), m.now).dueActions.find((a) => a.kind === 'next_contact')?.dueOn,
    ).toBe('2026-11-04')
  })

  it('R8: a lower level never pulls the default date later until the next contact', () => {
    const m = aCase({ level: 'high' })
    // High: 7 days after the case record on 2 Nov.
    reassess(m.later(2), 'medium')
    expect(
      evaluate(m.state(), m.now).dueActions.find((a) => a.kind === 'next_contact')?.dueOn,
    ).toBe('2026-11-09')
  })
})
