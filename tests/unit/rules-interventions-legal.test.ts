import { describe, expect, it } from 'vitest'
import type { PayloadInput } from '../../src/domain/events.ts'
import { interventionKinds } from '../../src/domain/vocabulary-lists.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import { aCase, refusalOf } from './support/matter-builder.ts'

// Stage 3 interventions (R12) and Stage 4 legal steps (R13, R14).

type LegalStep = PayloadInput<'legalStepTaken'>

const step = (m: MatterBuilder, payload: LegalStep) => m.record('legalStepTaken', payload)
const injunction = (
  m: MatterBuilder,
  over: Partial<Extract<LegalStep, { kind: 'civil_injunction' }>> = {},
): LegalStep => ({
  kind: 'civil_injunction',
  stepId: m.id(),
  partyIds: [m.perpetratorId],
  respondentAge: 34,
  ...over,
})
const closureOrder = (
  m: MatterBuilder,
  over: Partial<Extract<LegalStep, { kind: 'closure_order' }>> = {},
): LegalStep => ({
  kind: 'closure_order',
  stepId: m.id(),
  partyIds: [m.perpetratorId],
  premises: 'Flat 3, 12 Elm Road',
  noticeServedAt: '2026-11-02T10:00:00.000Z',
  noticeHours: 24,
  hearingAt: '2026-11-03T10:00:00.000Z',
  ...over,
})
const pspo = (
  m: MatterBuilder,
  over: Partial<Extract<LegalStep, { kind: 'public_space_protection_order' }>> = {},
): LegalStep => ({
  kind: 'public_space_protection_order',
  stepId: m.id(),
  area: 'Fleet town centre',
  durationMonths: 36,
  consultedPoliceOn: '2026-10-01',
  consultedCommissionerOn: '2026-10-02',
  consultedCommunityOn: '2026-10-05',
  ...over,
})
/** A case ready for legal steps: a legal decision on record with legal services' advice. */
const readyForCourt = (on = '2026-11-02') => aCase({ on }).legalDecision()

describe('R12 interventions', () => {
  it.each(interventionKinds.filter((k) => !k.endsWith('agreement') && k !== 'mediation_referral'))(
    'R12: a %s names its party and date and moves the case to intervention',
    (kind) => {
      const m = aCase().on('2026-11-09').intervention(kind)
      expect(m.state().phase).toBe('intervention')
      expect(m.state().interventions).toEqual([
        expect.objectContaining({
          kind,
          partyIds: [m.perpetratorId],
          date: '2026-11-09',
          breaches: [],
        }),
      ])
    },
  )

  it.each(['acceptable_behaviour_agreement', 'good_neighbour_agreement'] as const)(
    'R12: a %s needs its terms and a review date',
    (kind) => {
      const m = aCase()
      expect(refusalOf(() => m.intervention(kind, { reviewOn: '2027-02-01' }))).toEqual({
        code: 'invalid',
        message: 'Set out the terms of the agreement.',
      })
      expect(refusalOf(() => m.intervention(kind, { terms: 'No music after 23:00.' }))).toEqual({
        code: 'invalid',
        message: 'Give a review date for the agreement.',
      })
      m.intervention(kind, { terms: 'No music after 23:00.', reviewOn: '2027-02-01' })
      expect(m.evaluate().dueActions.filter((a) => a.kind === 'agreement_review')).toEqual([
        expect.objectContaining({ rule: 'R12', dueOn: '2027-02-01' }),
      ])
    },
  )

  it('R12: a mediation referral needs the recorded consent of both parties', () => {
    const m = aCase()
    const both = [m.complainantId, m.perpetratorId]
    const message = 'A mediation referral needs the recorded consent of both parties.'
    const oneSided = [
      { partyId: m.complainantId, consented: true },
      { partyId: m.perpetratorId, consented: false },
    ]
    expect(
      refusalOf(() => m.intervention('mediation_referral', { partyIds: both, consents: oneSided })),
    ).toEqual({ code: 'invalid', message })
    const onlyOne = {
      partyIds: [m.complainantId],
      consents: [{ partyId: m.complainantId, consented: true }],
    }
    expect(refusalOf(() => m.intervention('mediation_referral', onlyOne))).toEqual({
      code: 'invalid',
      message,
    })
    const consents = both.map((partyId) => ({ partyId, consented: true }))
    expect(m.intervention('mediation_referral', { partyIds: both, consents }).state().phase).toBe(
      'intervention',
    )
  })

  it('R12: a breach is recorded against the intervention', () => {
    const m = aCase()
    const interventionId = m.id()
    m.intervention('acceptable_behaviour_agreement', {
      interventionId,
      terms: 'No parties.',
      reviewOn: '2027-02-01',
    })
    m.on('2026-11-20').record('interventionBreached', {
      interventionId,
      occurredOn: '2026-11-19',
      details: 'Party until 4am.',
    })
    expect(m.state().interventions[0]?.breaches).toEqual([
      { interventionId, occurredOn: '2026-11-19', details: 'Party until 4am.' },
    ])
    expect(
      refusalOf(() =>
        m.record('interventionBreached', {
          interventionId: m.id(),
          occurredOn: '2026-11-19',
          details: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'unknown_intervention',
      rule: 'R12',
    })
  })

  it('R12: an intervention is for people who are parties to the case', () => {
    const m = aCase()
    expect(refusalOf(() => m.intervention('verbal_warning', { partyIds: [m.id()] })).code).toBe(
      'unknown_party',
    )
  })
})

describe('R13 legal decision record', () => {
  it('R13: the first legal step is refused without a legal decision record', () => {
    const m = aCase()
    const letter: LegalStep = {
      kind: 'letter_before_action',
      stepId: m.id(),
      partyIds: [m.perpetratorId],
    }
    expect(refusalOf(() => step(m, letter))).toMatchObject({
      code: 'legal_decision_required',
      rule: 'R13',
    })
    m.legalDecision({ consulted: false })
    expect(step(m, { ...letter, stepId: m.id() }).state()).toMatchObject({
      phase: 'legal',
      legal: { decisions: [{ legalServicesConsulted: false }] },
    })
  })

  it("R13: a court application is refused without legal services' advice on record", () => {
    const m = aCase().legalDecision({ consulted: false })
    expect(refusalOf(() => step(m, injunction(m)))).toEqual({
      code: 'legal_advice_required',
      message: "A court application (Civil injunction) needs legal services' advice on record.",
      rule: 'R13',
    })
    expect(refusalOf(() => step(m, closureOrder(m))).code).toBe('legal_advice_required')
    m.legalDecision()
    expect(step(m, injunction(m)).state().legal.steps).toHaveLength(1)
  })
})

describe('R14 legal steps', () => {
  const cpn = (
    m: MatterBuilder,
    warningInterventionId: string,
    partyIds = [m.perpetratorId],
  ): LegalStep => ({
    kind: 'community_protection_notice',
    stepId: m.id(),
    partyIds,
    warningInterventionId,
  })

  it('R14: a community protection notice needs a written warning to the same person whose time to comply has passed', () => {
    const m = readyForCourt('2026-11-02')
    const verbal = m.id()
    const written = m.id()
    m.intervention('verbal_warning', { interventionId: verbal })
    m.intervention('warning_letter', { interventionId: written, complyBy: '2026-11-16' })
    expect(refusalOf(() => step(m, cpn(m, verbal)))).toMatchObject({
      code: 'cpn_needs_warning',
      rule: 'R14',
    })
    expect(refusalOf(() => step(m, cpn(m, written, [m.complainantId])))).toEqual({
      code: 'cpn_needs_warning',
      message: 'The written warning must have gone to the same person (s43).',
      rule: 'R14',
    })
    m.on('2026-11-16')
    expect(refusalOf(() => step(m, cpn(m, written)))).toEqual({
      code: 'cpn_too_early',
      message:
        'The time the written warning gave to comply has not passed (until Mon 16 Nov 2026) (s43).',
      rule: 'R14',
    })
    m.on('2026-11-17')
    expect(step(m, cpn(m, written)).state().legal.steps[0]?.kind).toBe(
      'community_protection_notice',
    )
  })

  it('R14: a written warning without a time to comply never opens the way to a notice', () => {
    const m = readyForCourt()
    const written = m.id()
    m.intervention('warning_letter', { interventionId: written }).later(60)
    expect(refusalOf(() => step(m, cpn(m, written))).code).toBe('cpn_too_early')
  })

  it('R14: a closure notice lasts up to 24 hours, or 48 with the chief executive’s sign-off', () => {
    const m = readyForCourt()
    expect(refusalOf(() => step(m, closureOrder(m, { noticeHours: 25 })))).toMatchObject({
      code: 'closure_notice_too_long',
      rule: 'R14',
    })
    expect(
      refusalOf(() =>
        step(
          m,
          closureOrder(m, { noticeHours: 49, noticeExtensionSignedOffBy: 'Chief Executive' }),
        ),
      ).code,
    ).toBe('invalid')
    expect(
      step(
        m,
        closureOrder(m, { noticeHours: 48, noticeExtensionSignedOffBy: 'Chief Executive' }),
      ).state().phase,
    ).toBe('legal')
  })

  it.each([
    ['48 hours after service', '2026-11-02T10:00:00.000Z', '2026-11-04T10:00:00.000Z', true],
    ['a minute later', '2026-11-02T10:00:00.000Z', '2026-11-04T10:01:00.000Z', false],
    [
      '72 hours, with Christmas Day not counted',
      '2026-12-24T10:00:00.000Z',
      '2026-12-27T10:00:00.000Z',
      true,
    ],
    [
      '72 hours and a minute over Christmas',
      '2026-12-24T10:00:00.000Z',
      '2026-12-27T10:01:00.000Z',
      false,
    ],
    // Served at 12:30 on Christmas Day: 11½ hours of it remain, so the hearing is due by 00:00 on 28 December.
    [
      'served on Christmas Day, heard on time',
      '2026-12-25T12:30:00.000Z',
      '2026-12-28T00:00:00.000Z',
      true,
    ],
    [
      'served on Christmas Day, heard 15 minutes late',
      '2026-12-25T12:30:00.000Z',
      '2026-12-28T00:15:00.000Z',
      false,
    ],
    [
      'heard before the notice was served',
      '2026-11-02T10:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
      false,
    ],
  ])(
    'R14: a closure order application must be heard within 48 hours of service: %s',
    (_, noticeServedAt, hearingAt, ok) => {
      const m = readyForCourt('2026-12-29')
      const result = m.try('legalStepTaken', closureOrder(m, { noticeServedAt, hearingAt }))
      expect(result.ok ? 'accepted' : result.refusal.code).toBe(
        ok ? 'accepted' : 'closure_hearing_too_late',
      )
    },
  )

  it('R14: a closure order lasts up to 3 months, extendable to 6 in total', () => {
    const m = readyForCourt()
    expect(refusalOf(() => step(m, closureOrder(m, { orderMonths: 4 })))).toMatchObject({
      code: 'closure_order_too_long',
      rule: 'R14',
    })
    const stepId = m.id()
    step(m, closureOrder(m, { stepId, orderMonths: 3 }))
    expect(
      refusalOf(() => m.record('legalStepDatesSet', { stepId, extendedToMonths: 7 })).code,
    ).toBe('closure_order_too_long')
    m.record('legalStepDatesSet', { stepId, extendedToMonths: 6, expiresOn: '2027-05-03' })
    expect(m.state().legal.steps[0]).toMatchObject({ orderMonths: 6, expiresOn: '2027-05-03' })
    const letter = m.id()
    step(m, { kind: 'letter_before_action', stepId: letter, partyIds: [m.perpetratorId] })
    expect(
      refusalOf(() => m.record('legalStepDatesSet', { stepId: letter, extendedToMonths: 6 })).code,
    ).toBe('not_extendable')
  })

  it.each([
    ['aged 9', { respondentAge: 9 }, 'injunction_too_young'],
    [
      'aged 15 without the youth offending team',
      { respondentAge: 15, durationMonths: 6 },
      'injunction_yot',
    ],
    [
      'aged 17 for 13 months',
      { respondentAge: 17, youthOffendingTeamConsulted: true, durationMonths: 13 },
      'injunction_youth_length',
    ],
    [
      'aged 17 with no length',
      { respondentAge: 17, youthOffendingTeamConsulted: true },
      'injunction_youth_length',
    ],
    ['with a power of arrest and no grounds', { powerOfArrest: true }, 'power_of_arrest_grounds'],
  ] as const)('R14: a civil injunction is refused against someone %s', (_, over, code) => {
    const m = readyForCourt()
    expect(refusalOf(() => step(m, injunction(m, over)))).toMatchObject({ code, rule: 'R14' })
  })

  it.each([
    [
      'aged 10, youth offending team consulted, 12 months',
      { respondentAge: 10, youthOffendingTeamConsulted: true, durationMonths: 12 },
    ],
    ['aged 18 for two years', { respondentAge: 18, durationMonths: 24 }],
    [
      'with a power of arrest for threatened violence',
      { powerOfArrest: true, powerOfArrestGrounds: 'threatened_violence' },
    ],
  ] as const)('R14: a civil injunction is accepted %s', (_, over) => {
    const m = readyForCourt()
    expect(step(m, injunction(m, over)).state().legal.steps).toHaveLength(1)
  })

  it('R14: a PSPO belongs to an area, needs the three consultations, and lasts up to 3 years', () => {
    const m = aCase().legalDecision({ consulted: false })
    expect(refusalOf(() => step(m, pspo(m, { consultedCommissionerOn: undefined })))).toMatchObject(
      { code: 'pspo_consultation', rule: 'R14' },
    )
    expect(refusalOf(() => step(m, pspo(m, { durationMonths: 37 })))).toMatchObject({
      code: 'pspo_too_long',
      rule: 'R14',
    })
    expect(step(m, pspo(m)).state().legal.steps[0]).toMatchObject({
      area: 'Fleet town centre',
      partyIds: [],
    })
  })

  it('R14: a person-based step names who it is against', () => {
    const m = readyForCourt()
    expect(refusalOf(() => step(m, injunction(m, { partyIds: [] }))).code).toBe('party_required')
  })

  it('R14: the next key date of each step is shown as a forward action', () => {
    const m = readyForCourt()
    step(
      m,
      injunction(m, {
        servedOn: '2026-11-02',
        hearingOn: '2026-11-20',
        expiresOn: '2027-11-20',
        reviewOn: '2027-05-20',
      }),
    )
    const legalDates = (now: string) =>
      m.evaluate(now).dueActions.filter((a) => a.kind === 'legal_date')
    expect(legalDates('2026-11-03T10:00:00.000Z')).toEqual([
      expect.objectContaining({
        rule: 'R14',
        title: 'Hearing: civil injunction',
        dueOn: '2026-11-20',
      }),
    ])
    expect(legalDates('2026-11-21T10:00:00.000Z')).toEqual([
      expect.objectContaining({ title: 'Review: civil injunction', dueOn: '2027-05-20' }),
    ])
    expect(legalDates('2027-06-01T10:00:00.000Z')).toEqual([
      expect.objectContaining({ title: 'Expiry: civil injunction', dueOn: '2027-11-20' }),
    ])
  })
})
