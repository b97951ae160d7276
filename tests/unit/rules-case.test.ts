import { describe, expect, it } from 'vitest'
import { defaultRiskMatrix } from '../../src/domain/risk-matrix.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import { riskAnswersFor, riskAssessment } from './support/risk-assessment.ts'
import { aCase, aMatter, manager, otherOfficer, refusalOf } from './support/matter-builder.ts'

// From the case record on: R6 case record, R7 risk, R8 forward actions, R9 action plan,
// R10 investigation, R11 reports stopping.

const inEvidence = () =>
  aMatter().reported().assigned().withPerpetrator().thresholdMet().diarySheetsIssued()
const due = (m: MatterBuilder, kind: string, now?: string) =>
  m.evaluate(now).dueActions.filter((a) => a.kind === kind)

describe('R6 case record', () => {
  it('R6: refused without a diary entry recording ASB or independent evidence', () => {
    const m = inEvidence().diaryEntry({ recordsAsb: false })
    expect(refusalOf(() => m.caseCreated())).toEqual({
      code: 'evidence_required',
      message: 'A case record needs a diary entry that records ASB, or independent clear evidence.',
      rule: 'R6',
    })
  })

  it.each([
    ['a diary entry recording ASB', (m: MatterBuilder) => m.diaryEntry()],
    ['independent clear evidence', (m: MatterBuilder) => m.independentEvidence()],
  ])('R6: created once there is %s; the phase becomes case', (_, provide) => {
    const m = provide(inEvidence()).caseCreated()
    expect(m.state()).toMatchObject({ phase: 'case', caseCreatedAt: '2026-11-02T10:00:00.000Z' })
    expect(refusalOf(() => m.caseCreated()).code).toBe('case_exists')
  })

  it('R6: refused with an incomplete risk assessment', () => {
    const answers = riskAnswersFor('standard')
    delete answers['V1']
    delete answers['S5']
    const refusal = refusalOf(() => inEvidence().diaryEntry().caseCreated({ answers }))
    expect(refusal).toEqual({
      code: 'risk_incomplete',
      message: 'Answer every question: V1, S5 are unanswered.',
      rule: 'R7',
    })
  })

  it('R6: refused with a risk assessment that is scored wrongly or on another matrix', () => {
    const m = inEvidence().diaryEntry()
    expect(refusalOf(() => m.caseCreated({ level: 'medium', score: 9 }))).toEqual({
      code: 'risk_score_mismatch',
      message: 'The answers score 11 (medium).',
      rule: 'R7',
    })
    expect(refusalOf(() => m.caseCreated({ computedLevel: 'high' })).code).toBe(
      'risk_score_mismatch',
    )
    expect(refusalOf(() => m.caseCreated({ matrixVersion: 'old-form' }))).toMatchObject({
      code: 'matrix_version',
    })
  })

  it('R6: refused while no officer is assigned, and created once a manager allocates the matter', () => {
    const m = aMatter().as(manager).reported().thresholdMet().independentEvidence()
    expect(refusalOf(() => m.caseCreated())).toEqual({
      code: 'unassigned',
      message: 'Assign the matter to an officer before opening a case.',
      rule: 'R6',
    })
    m.assigned(otherOfficer).as(otherOfficer).caseCreated()
    expect(m.state()).toMatchObject({ phase: 'case', assignedOfficerId: otherOfficer.id })
  })

  it('R6: a case record needs Stage 1 to be done: not before the threshold is met', () => {
    const m = aMatter().reported().assigned().independentEvidence()
    expect(refusalOf(() => m.caseCreated())).toMatchObject({
      code: 'threshold_required',
      rule: 'R2',
    })
    expect(m.thresholdMet().caseCreated().state().phase).toBe('case')
  })
})

describe('R7 Risk Assessment Matrix', () => {
  it('R7: each assessment is an entry with its answers, score, level and assessor', () => {
    const m = aCase({ level: 'high' })
    expect(m.state().risk.current).toMatchObject({
      matrixVersion: defaultRiskMatrix.version,
      answers: riskAnswersFor('high'),
      score: 18,
      computedLevel: 'high',
      level: 'high',
      assessorId: 'officer-1',
      eventId: m.last().id,
    })
  })

  it('R7: a high level creates a refer-to-MARAC due action 5 working days out', () => {
    // Tue 22 Dec 2026: 23, 24 Dec, (Christmas Fri 25, Boxing Day Mon 28 skipped), 29, 30, 31 Dec.
    const m = aCase({ level: 'high', on: '2026-12-22' })
    expect(due(m, 'marac_referral')).toEqual([
      expect.objectContaining({ rule: 'R7', dueOn: '2026-12-31', status: 'upcoming' }),
    ])
    expect(due(aCase({ level: 'medium' }), 'marac_referral')).toEqual([])
  })

  it('R7: violence with a disability is high whatever the score', () => {
    const answers = { ...riskAnswersFor('standard'), S1: 'yes', V1: 'yes' } as const
    const m = inEvidence().diaryEntry().caseCreated({ answers })
    expect(m.state().risk.current).toMatchObject({ score: 6, computedLevel: 'high', level: 'high' })
    expect(due(m, 'marac_referral')).toHaveLength(1)
  })

  it('R7: the MARAC action is cleared by a referral to MARAC, not by other referrals', () => {
    const m = aCase({ level: 'high' }).on('2026-11-04')
    const referral = { agency: 'Hart MARAC', reason: 'High risk victim.', referredOn: '2026-11-04' }
    m.record('referralMade', { ...referral, to: 'police' })
    expect(due(m, 'marac_referral')).toHaveLength(1)
    m.record('referralMade', { ...referral, to: 'marac' })
    expect(due(m, 'marac_referral')).toEqual([])
  })

  it('R7: the officer can raise the level with a written reason, and no one can lower it', () => {
    const m = inEvidence().diaryEntry()
    const unexplained = riskAssessment('standard', { level: 'high' })
    expect(refusalOf(() => m.record('caseRecordCreated', { riskAssessment: unexplained }))).toEqual(
      {
        code: 'risk_override',
        message: 'Give a reason for raising the level above the computed level.',
        rule: 'R7',
      },
    )
    const lowered = riskAssessment('high', {
      level: 'medium',
      raisedReason: 'Victim says it is fine.',
    })
    expect(refusalOf(() => m.record('caseRecordCreated', { riskAssessment: lowered }))).toEqual({
      code: 'risk_override',
      message: 'The level cannot be lowered below the computed level (high).',
      rule: 'R7',
    })
    const raised = riskAssessment('standard', {
      level: 'high',
      raisedReason: 'Victim cares for a disabled child at home.',
    })
    m.record('caseRecordCreated', { riskAssessment: raised })
    expect(m.state().risk.current).toMatchObject({ computedLevel: 'standard', level: 'high' })
    expect(due(m, 'marac_referral')).toHaveLength(1)
  })

  it('R7: a re-assessment that becomes high asks for a MARAC referral from that assessment', () => {
    const m = aCase({ level: 'standard' }).on('2026-11-16')
    m.record('riskAssessed', {
      riskAssessment: riskAssessment('high', { reason: 'significant_change' }),
    })
    expect(m.state().risk.history.map((r) => r.level)).toEqual(['standard', 'high'])
    // Mon 16 Nov + 5 working days.
    expect(due(m, 'marac_referral')).toEqual([expect.objectContaining({ dueOn: '2026-11-23' })])
  })
})

describe('R8 forward actions', () => {
  it.each([
    ['high', '2026-11-17'],
    ['medium', '2026-11-24'],
    ['standard', '2026-12-08'],
  ] as const)(
    'R8: next contact defaults to the %s interval after the last contact',
    (level, dueOn) => {
      const m = aCase({ level })
      expect(due(m, 'next_contact')[0]?.dueOn).toBe(
        { high: '2026-11-09', medium: '2026-11-16', standard: '2026-11-30' }[level],
      )
      m.on('2026-11-10').contactMade()
      expect(due(m, 'next_contact')).toEqual([expect.objectContaining({ rule: 'R8', dueOn })])
    },
  )

  it('R8: a next contact set by the officer wins until a later contact', () => {
    const m = aCase({ level: 'standard' }).on('2026-11-10').contactMade()
    expect(refusalOf(() => m.record('nextContactSet', { dueOn: '2026-11-09' }))).toMatchObject({
      code: 'in_past',
      rule: 'R8',
    })
    m.record('nextContactSet', { dueOn: '2026-11-12', note: 'Call after the court date.' })
    expect(due(m, 'next_contact')[0]?.dueOn).toBe('2026-11-12')
    m.on('2026-11-12').contactMade()
    expect(due(m, 'next_contact')[0]?.dueOn).toBe('2026-12-10')
  })

  it.each([
    ['2026-11-02', '2027-02-02'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
  ])(
    'R8: risk re-assessment is due three calendar months after an assessment on %s',
    (on, dueOn) => {
      expect(due(aCase({ on }), 'risk_review')).toEqual([
        expect.objectContaining({ rule: 'R8', dueOn }),
      ])
    },
  )

  it('R8: a later assessment moves the review; a significant change makes it due at once', () => {
    const m = aCase({ on: '2026-11-02' }).on('2026-12-15')
    m.record('riskAssessed', { riskAssessment: riskAssessment('medium') })
    expect(due(m, 'risk_review')[0]?.dueOn).toBe('2027-03-15')
    m.on('2027-01-05').record('riskChangeNoted', { summary: 'Perpetrator released from prison.' })
    expect(due(m, 'risk_review')).toEqual([
      expect.objectContaining({ dueOn: '2027-01-05', status: 'due' }),
    ])
    m.on('2027-01-06').record('riskAssessed', {
      riskAssessment: riskAssessment('high', { reason: 'significant_change' }),
    })
    expect(due(m, 'risk_review')[0]?.dueOn).toBe('2027-04-06')
  })

  it('R8: overdue actions are shown as overdue, never dropped', () => {
    const m = aCase({ level: 'standard' })
    expect(due(m, 'next_contact', '2027-03-01T10:00:00.000Z')).toEqual([
      expect.objectContaining({ dueOn: '2026-11-30', status: 'overdue' }),
    ])
    expect(due(m, 'risk_review', '2027-03-01T10:00:00.000Z')).toEqual([
      expect.objectContaining({ dueOn: '2027-02-02', status: 'overdue' }),
    ])
  })
})

describe('R9 action plan', () => {
  it('R9: an action is set (what, who, by when), shown until it is done, and done once', () => {
    const m = aCase()
    const actionId = m.id()
    m.record('actionSet', {
      actionId,
      what: 'Ask housing for the tenancy file',
      who: 'officer-1',
      dueOn: '2026-11-06',
    })
    expect(due(m, 'action')).toEqual([
      expect.objectContaining({
        rule: 'R9',
        title: 'Ask housing for the tenancy file',
        dueOn: '2026-11-06',
        status: 'upcoming',
      }),
    ])
    m.on('2026-11-05').record('actionCompleted', { actionId, outcome: 'File received.' })
    expect(m.state().actions[0]?.completed).toEqual({
      outcome: 'File received.',
      at: '2026-11-05T10:00:00.000Z',
    })
    expect(due(m, 'action')).toEqual([])
    expect(refusalOf(() => m.record('actionCompleted', { actionId, outcome: 'Again.' })).code).toBe(
      'action_done',
    )
    expect(
      refusalOf(() => m.record('actionCompleted', { actionId: m.id(), outcome: 'What?' })).code,
    ).toBe('unknown_action')
  })

  it('R9: meetings, referrals, requests for information and contacts are kept in the chronology', () => {
    const m = aCase().on('2026-11-09')
    m.record('meetingHeld', {
      kind: 'multi_agency',
      heldOn: '2026-11-09',
      attendees: 'Police, housing',
      summary: 'Joint visit.',
    })
    m.record('referralMade', {
      to: 'victim_support',
      agency: 'Victim Support',
      reason: 'Support.',
      referredOn: '2026-11-09',
    })
    m.record('informationRequested', {
      from: 'Police',
      what: 'Call logs',
      requestedOn: '2026-11-09',
    })
    m.record('contactMade', {
      method: 'agency_liaison',
      direction: 'outbound',
      agency: 'Police',
      summary: 'Shared logs.',
    })
    const s = m.state()
    expect([s.meetings.length, s.referrals.length, s.informationRequests.length]).toEqual([1, 1, 1])
    // Liaison with another agency is an entry, not contact with the victim.
    expect(s.contact.lastContactAt).toBeNull()
    expect(m.events.slice(-4).map((e) => e.type)).toEqual([
      'meetingHeld',
      'referralMade',
      'informationRequested',
      'contactMade',
    ])
  })

  it('R9: every entry has who recorded it, when it happened and when it was recorded', () => {
    const m = aCase()
    m.as(otherOfficer).on('2026-11-03').record('incidentRecorded', {
      happenedAt: '2026-11-03T01:00:00.000Z',
      summary: 'Shouting.',
      reportedBy: 'Victim',
    })
    for (const e of m.events)
      expect([e.actorId, e.occurredAt, e.recordedAt].map(Boolean)).toEqual([true, true, true])
    expect(m.last()).toMatchObject({ actorId: 'officer-2', occurredAt: '2026-11-03T10:00:00.000Z' })
    const { recordedAt: _, ...undated } = m.propose('riskChangeNoted', { summary: 'Threats made.' })
    expect(m.check(undated)).toMatchObject({ ok: false, refusal: { code: 'invalid' } })
    const inAnotherName = {
      ...m.propose('riskChangeNoted', { summary: 'Threats.' }),
      actorId: 'officer-1',
    }
    expect(m.check(inAnotherName, otherOfficer)).toMatchObject({
      ok: false,
      refusal: { code: 'wrong_actor' },
    })
  })
})

describe('R10 investigation', () => {
  it('R10: an investigation starts only from a case and moves the phase to investigation', () => {
    const enquiry = inEvidence().diaryEntry()
    expect(refusalOf(() => enquiry.investigationStarted())).toMatchObject({
      code: 'case_record_required',
      rule: 'R6',
    })
    const m = aCase().on('2026-11-04').investigationStarted()
    expect(m.state()).toMatchObject({
      phase: 'investigation',
      investigationStartedAt: '2026-11-04T10:00:00.000Z',
    })
    expect(refusalOf(() => m.investigationStarted()).code).toBe('already_investigating')
  })

  it('R10: evidence items are collated against the case during the investigation', () => {
    const m = aCase().investigationStarted().independentEvidence()
    m.record('evidenceAdded', {
      evidenceId: m.id(),
      kind: 'recording',
      description: 'Noise app clip',
      source: 'Victim',
      obtainedOn: m.today,
      independent: false,
    })
    expect(m.state().evidence.map((e) => e.kind)).toEqual(['police_report', 'recording'])
    expect(m.state().phase).toBe('investigation')
  })

  it('R10: a matter never goes back a stage', () => {
    const m = aCase().intervention('verbal_warning')
    expect(m.state().phase).toBe('intervention')
    expect(refusalOf(() => m.investigationStarted())).toEqual({
      code: 'past_investigation',
      message: 'The case has already moved past investigation; a matter never goes back a stage.',
      rule: 'R10',
    })
    expect(refusalOf(() => m.diarySheetsIssued()).code).toBe('wrong_phase')
    m.diaryEntry()
    expect(m.state().phase).toBe('intervention')
  })
})

describe('R11 reports stop', () => {
  it('R11: 28 days with no incident or diary entry on a live case asks to re-assess and consider closure', () => {
    const m = aCase({ on: '2026-11-02' })
    const stopped = (now: string) => due(m, 'reports_stopped', now)
    expect(stopped('2026-11-29T10:00:00.000Z')).toEqual([
      expect.objectContaining({ dueOn: '2026-11-30', status: 'upcoming' }),
    ])
    expect(stopped('2026-11-30T10:00:00.000Z')).toEqual([
      expect.objectContaining({
        rule: 'R11',
        title: 'Reports have stopped: re-assess risk and consider closure for lack of evidence',
        status: 'due',
      }),
    ])
    m.on('2026-11-20').record('incidentRecorded', {
      happenedAt: '2026-11-19T23:30:00.000Z',
      summary: 'Door kicked.',
      reportedBy: 'Victim',
    })
    expect(stopped('2026-11-30T10:00:00.000Z')).toEqual([
      expect.objectContaining({ dueOn: '2026-12-17', status: 'upcoming' }),
    ])
  })

  it('R11: not on a matter that is not a live case', () => {
    expect(due(inEvidence().diaryEntry(), 'reports_stopped', '2027-01-01T10:00:00.000Z')).toEqual(
      [],
    )
    const closed = aCase().closureRequested('asb_stopped_low_risk').as(manager).closureApproved()
    expect(due(closed, 'reports_stopped', '2027-01-01T10:00:00.000Z')).toEqual([])
  })
})
