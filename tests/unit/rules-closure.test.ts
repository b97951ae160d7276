import { describe, expect, it } from 'vitest'
import { automaticClosureEvent } from '../../src/domain/automatic-closure.ts'
import { withCorrections } from '../../src/domain/corrections.ts'
import type { DomainEvent } from '../../src/domain/events.ts'
import { fold } from '../../src/domain/fold.ts'
import { caseClosureReasons } from '../../src/domain/vocabulary-lists.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import {
  aCase,
  aMatter,
  manager,
  officer,
  otherManager,
  refusalOf,
  system,
} from './support/matter-builder.ts'

// Stage 5: closure reasons (R15), approval (R16), telling the victim (R17), special reasons (R18),
// after closure (R19); and corrections, which supersede and never delete.

const plainReasons = caseClosureReasons.filter(
  (r) => r !== 'tit_for_tat' && r !== 'tools_exhausted',
)
const approvals = (m: MatterBuilder) =>
  m.evaluate().dueActions.filter((a) => a.kind === 'approve_closure')
const feedbackDue = (m: MatterBuilder) =>
  m.evaluate().dueActions.filter((a) => a.kind === 'invite_feedback')

describe('R15 reasons', () => {
  it.each(plainReasons)('R15: a case can be closed as %s with a written rationale', (reason) => {
    const m = aCase().closureRequested(reason)
    expect(m.state().closure.request).toMatchObject({ reason, requestedBy: 'officer-1' })
    expect(m.state().closure.request?.rationale).toBe(
      'No reports for eight weeks; the victim says things are better.',
    )
    expect(m.last().type).toBe('closureRequested')
  })

  it('R15: refused without a rationale or with a reason that is not on the list', () => {
    const m = aCase()
    expect(refusalOf(() => m.closureRequested('not_asb', { rationale: ' ' }))).toEqual({
      code: 'invalid',
      message: 'The rationale for closing is required.',
    })
    const unlisted = m.propose('closureRequested', {
      reason: 'not_asb',
      rationale: 'x',
      victimTold: { told: false, why: 'x' },
    })
    expect(
      m.check({ ...unlisted, payload: { ...unlisted.payload, reason: 'withdrawn' } }),
    ).toMatchObject({ ok: false, refusal: { code: 'invalid' } })
  })

  it.each([
    ['investigation', (m: MatterBuilder) => m.investigationStarted()],
    ['intervention', (m: MatterBuilder) => m.intervention('advice_letter')],
    [
      'legal',
      (m: MatterBuilder) =>
        m
          .legalDecision()
          .record('legalStepTaken', {
            kind: 'legal_undertaking',
            stepId: m.id(),
            partyIds: [m.perpetratorId],
          }),
    ],
  ])('R15: a case can be closed at any stage, here from %s', (phase, reach) => {
    const m = reach(aCase())
    expect(m.state().phase).toBe(phase)
    expect(m.closureRequested('insufficient_evidence').state()).toMatchObject({
      phase: 'closure_requested',
      closure: { request: { fromPhase: phase } },
    })
  })
})

describe('R16 approval', () => {
  it('R16: closing a case needs the approval of a manager who is not the one who asked', () => {
    const m = aCase().on('2026-11-30').closureRequested('asb_stopped_low_risk')
    expect(approvals(m)).toEqual([
      expect.objectContaining({ rule: 'R16', forRole: 'manager', dueOn: '2026-11-30' }),
    ])
    expect(refusalOf(() => m.as(officer).closureApproved())).toMatchObject({
      code: 'manager_only',
      rule: 'R16',
    })
    m.as(manager).closureApproved()
    expect(m.state()).toMatchObject({
      phase: 'closed',
      closure: {
        reason: 'asb_stopped_low_risk',
        approvedBy: 'manager-1',
        closedAt: '2026-11-30T10:00:00.000Z',
      },
    })
    expect(approvals(m)).toEqual([])
  })

  it('R16: a manager who requested the closure cannot approve it', () => {
    const m = aCase().as(manager).closureRequested('not_asb')
    expect(refusalOf(() => m.closureApproved())).toEqual({
      code: 'own_request',
      message: 'Closure needs a manager who did not request it.',
      rule: 'R16',
    })
    expect(refusalOf(() => m.closureRejected())).toMatchObject({ code: 'own_request' })
    expect(m.as(otherManager).closureApproved().state().closure.approvedBy).toBe('manager-2')
  })

  it("R16: a rejected request returns the case to its previous phase with the manager's comment", () => {
    const m = aCase().intervention('warning_letter').closureRequested('no_cooperation')
    m.as(manager).on('2026-11-03').closureRejected('Try a home visit before closing.')
    expect(m.state()).toMatchObject({
      phase: 'intervention',
      closure: {
        request: null,
        closedAt: null,
        lastRejection: { comment: 'Try a home visit before closing.', by: 'manager-1' },
      },
    })
    expect(refusalOf(() => m.closureRejected()).code).toBe('no_closure_request')
  })

  it('R16: while a closure waits for a manager, the case does not move on', () => {
    const m = aCase().closureRequested('not_asb')
    expect(refusalOf(() => m.intervention('verbal_warning'))).toMatchObject({
      code: 'closure_pending',
      rule: 'R16',
    })
  })

  it('R16: Stage 1 closures need no approval; a case cannot be closed directly', () => {
    const enquiry = aMatter()
      .reported()
      .record('matterClosed', { reason: 'withdrawn', rationale: 'Complainant withdrew.' })
    expect(enquiry.state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'withdrawn', approvedBy: null },
    })
    const evidence = aMatter().reported().assigned().thresholdMet().diarySheetsIssued()
    expect(refusalOf(() => evidence.closureRequested('not_asb'))).toMatchObject({
      code: 'close_directly',
      rule: 'R16',
    })
    const kase = aCase()
    expect(
      refusalOf(() => kase.record('matterClosed', { reason: 'withdrawn', rationale: 'Gone.' })),
    ).toMatchObject({
      code: 'approval_required',
      rule: 'R16',
    })
  })
})

describe('R17 telling the victim', () => {
  it('R17: the request records how and when the victim was told', () => {
    const m = aCase().on('2026-11-20').closureRequested('did_not_happen')
    expect(m.state().closure.request?.victimTold).toEqual({
      told: true,
      method: 'phone',
      on: '2026-11-20',
    })
  })

  it('R17: or why that was not possible', () => {
    const m = aCase()
    expect(
      refusalOf(() => m.closureRequested('not_asb', { victimTold: { told: false, why: '' } })),
    ).toEqual({
      code: 'invalid',
      message: 'Why the victim could not be told is required.',
    })
    const why = 'Three calls and a letter unanswered since October.'
    expect(
      m.closureRequested('no_cooperation', { victimTold: { told: false, why } }).state().closure
        .request?.victimTold,
    ).toEqual({ told: false, why })
  })
})

describe('R18 special reasons', () => {
  it('R18: tit for tat needs mediation offered, and says whether both parties consented', () => {
    const m = aCase()
    expect(
      refusalOf(() => m.closureRequested('tit_for_tat', { mediationOutcome: 'declined' })),
    ).toMatchObject({
      code: 'mediation_not_offered',
      rule: 'R18',
    })
    m.mediationOffered('declined')
    expect(refusalOf(() => m.closureRequested('tit_for_tat'))).toEqual({
      code: 'invalid',
      message: 'Say whether both parties consented to the mediation offered.',
    })
    m.closureRequested('tit_for_tat', { mediationOutcome: 'declined' })
    expect(m.state().closure.request).toMatchObject({
      reason: 'tit_for_tat',
      mediationOutcome: 'declined',
    })
    expect(m.state().mediationOffers[0]?.responses.map((r) => r.response)).toEqual([
      'consented',
      'declined',
    ])
  })

  it('R18: a mediation referral counts as mediation offered', () => {
    const m = aCase()
    const both = [m.complainantId, m.perpetratorId]
    m.intervention('mediation_referral', {
      partyIds: both,
      consents: both.map((partyId) => ({ partyId, consented: true })),
    })
    expect(
      m.closureRequested('tit_for_tat', { mediationOutcome: 'both_consented' }).state().phase,
    ).toBe('closure_requested')
  })

  it('R18: tools exhausted records the signposting given', () => {
    const m = aCase()
    expect(refusalOf(() => m.closureRequested('tools_exhausted'))).toEqual({
      code: 'invalid',
      message: 'Record the signposting given when all tools are exhausted.',
    })
    m.closureRequested('tools_exhausted', {
      signposting: 'Citizens Advice; the Housing Ombudsman.',
    })
    expect(m.state().closure.request?.signposting).toBe('Citizens Advice; the Housing Ombudsman.')
  })
})

describe('R19 after closure', () => {
  const closedOn = (on: string, m = aCase()) =>
    m.closureRequested('asb_stopped_low_risk').as(manager).on(on).closureApproved().as(officer)

  it('R19: a closed case asks for the victim to be invited to give feedback', () => {
    // Fri 18 Dec 2026 + 5 working days: 21–24 Dec, then Christmas and Boxing Day's Monday skipped: Tue 29 Dec.
    const m = closedOn('2026-12-18')
    expect(feedbackDue(m)).toEqual([
      expect.objectContaining({ rule: 'R19', dueOn: '2026-12-29', forRole: 'officer' }),
    ])
    m.record('feedbackInvited', { method: 'link', sentOn: '2026-12-18' })
    expect(feedbackDue(m)).toEqual([])
    m.on('2027-01-04').record('feedbackReceived', {
      receivedOn: '2027-01-04',
      satisfied: 'partly',
      summary: 'Quieter now.',
    })
    expect(m.state().feedback).toEqual({ invitedOn: '2026-12-18', receivedOn: '2027-01-04' })
  })

  it('R19: no invitation when the report was anonymous', () => {
    const anonymous = aMatter()
      .reported({ anonymous: true })
      .assigned()
      .withPerpetrator()
      .thresholdMet()
      .independentEvidence()
      .caseCreated()
    const m = closedOn('2026-11-30', anonymous.on('2026-11-02'))
    expect(m.state().phase).toBe('closed')
    expect(feedbackDue(m)).toEqual([])
    expect(
      refusalOf(() => m.record('feedbackInvited', { method: 'post', sentOn: '2026-11-30' })),
    ).toMatchObject({ code: 'anonymous', rule: 'R19' })
  })

  it('R19: feedback is invited and recorded only once the case is closed', () => {
    const m = aCase()
    expect(
      refusalOf(() =>
        m.record('feedbackReceived', { receivedOn: '2026-11-02', summary: 'Early.' }),
      ),
    ).toMatchObject({ code: 'not_closed' })
  })

  it('R19: a manager may reopen a closed case, with a reason; an officer may not', () => {
    const m = closedOn('2026-11-30', aCase().intervention('verbal_warning'))
    expect(refusalOf(() => m.reopened())).toMatchObject({ code: 'manager_only', rule: 'R19' })
    expect(refusalOf(() => m.as(manager).reopened(' '))).toMatchObject({ code: 'invalid' })
    m.as(manager).reopened()
    expect(m.state()).toMatchObject({
      phase: 'intervention',
      reopenings: 1,
      closure: { closedAt: null, reason: null, approvedBy: null },
    })
    expect(feedbackDue(m)).toEqual([])
  })

  it('R19: a reopened case can be closed again through the same approval', () => {
    const m = closedOn('2026-11-30')
      .as(manager)
      .reopened()
      .as(officer)
      .closureRequested('insufficient_evidence')
    expect(m.as(manager).closureApproved().state()).toMatchObject({
      phase: 'closed',
      closure: { reason: 'insufficient_evidence' },
    })
  })

  it('R4, R19: an enquiry reopened after its no-contact closure does not close again at once', () => {
    const m = aMatter()
      .on('2026-11-02')
      .reported()
      .withPhoneAttempts(3)
      .letterSent()
      .at('2026-11-17T00:00:00.000Z')
    m.add(automaticClosureEvent(m.state(), m.now, 'server'), system)
    expect(m.state().closure).toMatchObject({ reason: 'no_contact', automatic: true })
    m.as(officer).on('2026-11-20').reopened('The complainant rang: they were in hospital.')
    expect(m.state().phase).toBe('enquiry')
    expect(m.evaluate()).toMatchObject({ automaticClosure: null, automaticClosureDue: null })
    expect(m.evaluate().dueActions).toEqual([
      expect.objectContaining({ kind: 'send_contact_letter' }),
    ])
  })
})

describe('corrections supersede, never delete', () => {
  it('a diary entry corrected: the state and chronology read the new text, the original entry stays', () => {
    const m = aMatter()
      .reported()
      .assigned()
      .thresholdMet()
      .diarySheetsIssued()
      .diaryEntry({ recordsAsb: false })
    const original = m.last()
    m.on('2026-11-03').record('entryCorrected', {
      targetEventId: original.id,
      reason: 'Typed the wrong times; the entry does record ASB.',
      changes: { what: 'Music at full volume from 01:00 to 04:00.', recordsAsb: true },
    })
    expect(m.events).toContain(original)
    expect(original.payload).toMatchObject({
      what: 'Music at full volume from 00:30 to 03:00.',
      recordsAsb: false,
    })
    const chronology = withCorrections(m.events)
    expect(chronology.find((e) => e.id === original.id)?.payload).toMatchObject({
      what: 'Music at full volume from 01:00 to 04:00.',
      recordsAsb: true,
    })
    expect(chronology.map((e) => e.type).slice(-2)).toEqual([
      'diaryEntryRecorded',
      'entryCorrected',
    ])
    expect(m.state().diary).toMatchObject({ entries: 1, asbEntries: 1 })
  })

  it('a step that moved the matter on is not corrected, and a correction must leave a valid entry', () => {
    const m = aCase()
    const caseRecord = m.last()
    const correct = (targetEventId: string, changes: Record<string, unknown>) =>
      refusalOf(() => m.record('entryCorrected', { targetEventId, reason: 'Mistake.', changes }))
    expect(correct(caseRecord.id, { summary: 'Other' }).code).toBe('not_correctable')
    const diary = m.events.find((e) => e.type === 'diaryEntryRecorded')
    expect(correct(diary?.id ?? '', { impact: '' }).code).toBe('invalid_correction')
    expect(correct(m.id(), { impact: 'x' }).code).toBe('unknown_entry')
  })

  it('R2, R16: a correction cannot turn a met threshold into "not met" and so close a live case', () => {
    const m = aCase().investigationStarted()
    const threshold = m.events.find((e) => e.type === 'thresholdAssessed')
    const unmet = {
      targetEventId: threshold?.id ?? '',
      reason: 'Wrong box ticked.',
      changes: { met: false },
    }
    expect(refusalOf(() => m.record('entryCorrected', unmet))).toEqual({
      code: 'not_correctable',
      message: 'met decided the step and is not corrected: record the next step instead.',
    })
    m.record('entryCorrected', {
      ...unmet,
      changes: { reason: 'Persistent noise at night, three households affected.' },
    })
    expect(m.state()).toMatchObject({
      phase: 'investigation',
      threshold: { met: true, reason: 'Persistent noise at night, three households affected.' },
    })
    // Even if such a correction reached the fold, it would not apply.
    const forced = { ...m.propose('entryCorrected', unmet), payload: unmet }
    expect(fold([...m.events, forced as DomainEvent])?.phase).toBe('investigation')
  })

  it('R14: a corrected legal step keeps its kind and the statutory limits it was checked against', () => {
    const m = aCase().legalDecision()
    m.record('legalStepTaken', {
      kind: 'civil_injunction',
      stepId: m.id(),
      partyIds: [m.perpetratorId],
      respondentAge: 34,
    })
    const injunction = m.last()
    const correct = (changes: Record<string, unknown>) =>
      refusalOf(() =>
        m.record('entryCorrected', {
          targetEventId: injunction.id,
          reason: 'Age misread.',
          changes,
        }),
      )
    expect(correct({ respondentAge: 9 })).toMatchObject({
      code: 'injunction_too_young',
      rule: 'R14',
    })
    expect(correct({ kind: 'legal_undertaking' }).code).toBe('not_correctable')
    m.record('entryCorrected', {
      targetEventId: injunction.id,
      reason: 'Age misread.',
      changes: { respondentAge: 43 },
    })
    expect(m.state().legal.steps[0]).toMatchObject({ kind: 'civil_injunction', respondentAge: 43 })
  })
})
