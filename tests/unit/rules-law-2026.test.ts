import { describe, expect, it } from 'vitest'
import type { CheckResult } from '../../src/domain/check-event.ts'
import { checkEvent } from '../../src/domain/check-event.ts'
import type { EventType, PayloadInput } from '../../src/domain/events.ts'
import { fold } from '../../src/domain/fold.ts'
import type { StatutoryLimits } from '../../src/domain/statutory-limits.ts'
import {
  ageOn,
  inForce,
  statutoryLimits,
  withCommencement,
} from '../../src/domain/statutory-limits.ts'
import type { MatterBuilder } from './support/matter-builder.ts'
import { aCase } from './support/matter-builder.ts'

// R14, continued: the Crime and Policing Act 2026 (DOMAIN.md). Every power is data with the date it
// comes into force for this council (and optional pilot areas); before it the old power applies and
// the new one is refused with a reason; after it the replaced power is refused for new applications,
// and what was made before is untouched.

const commencement = '2027-01-04'
const law2026 = (provision: Parameters<typeof withCommencement>[1], areas: string[] = []) =>
  withCommencement(statutoryLimits, provision, commencement, areas)

/** A live case with the legal decision on record (legal services consulted), on `on`. */
const legalCase = (on = '2027-01-05') => aCase({ on: '2026-11-02' }).legalDecision().on(on)

function tryWith<T extends EventType>(
  m: MatterBuilder,
  law: StatutoryLimits,
  type: T,
  payload: PayloadInput<T>,
): CheckResult {
  const findEvent = (id: string) => m.events.find((e) => e.id === id)
  const actor = { id: 'officer-1', role: 'officer' } as const
  return checkEvent(
    { state: fold(m.events), actor, now: m.now, law, findEvent },
    m.propose(type, payload),
  )
}

function recordWith<T extends EventType>(
  m: MatterBuilder,
  law: StatutoryLimits,
  type: T,
  payload: PayloadInput<T>,
): MatterBuilder {
  const result = tryWith(m, law, type, payload)
  if (!result.ok) throw new Error(`${type} refused: ${result.refusal.message}`)
  m.events.push(result.event)
  return m
}

/** The refusal's message, after checking the step was refused with `code`. */
function refusedWith(result: CheckResult, code: string): string {
  expect(result).toMatchObject({ ok: false, refusal: { code } })
  return result.ok ? '' : result.refusal.message
}

const respectOrder = (m: MatterBuilder, over: Partial<PayloadInput<'legalStepTaken'>> = {}) =>
  ({
    kind: 'respect_order',
    stepId: m.id(),
    partyIds: [m.perpetratorId],
    respondentDateOfBirth: '1990-05-01',
    court: 'county_court',
    requirements: [
      {
        description: 'Attend an anger-management course',
        supervisor: 'Hart Youth and Family Service',
      },
    ],
    ...over,
  }) as PayloadInput<'legalStepTaken'>

const assessedBeforeApplying = (m: MatterBuilder) =>
  m.record('preApplicationRiskAssessed', {
    assessmentId: m.id(),
    partyId: m.perpetratorId,
    harmToOthers: 'Threats to the neighbours; police attended twice.',
    respondentVulnerabilities: 'Lives alone; alcohol dependency; no care needs known.',
    alternativesTried: 'Warning letter and an acceptable behaviour agreement, both breached.',
  })

const injunction = (m: MatterBuilder, dateOfBirth: string) =>
  ({
    kind: 'civil_injunction',
    stepId: m.id(),
    partyIds: [m.perpetratorId],
    respondentAge: 0,
    respondentDateOfBirth: dateOfBirth,
    durationMonths: 6,
    youthOffendingTeamConsulted: true,
  }) as PayloadInput<'legalStepTaken'>

describe('R14: the 2026 powers come into force on the council’s date', () => {
  it('R14: a Respect Order is refused before its date in force here, saying when it comes', () => {
    const m = assessedBeforeApplying(legalCase('2027-01-03'))
    expect(
      refusedWith(
        tryWith(m, law2026('respect_order'), 'legalStepTaken', respectOrder(m)),
        'not_in_force',
      ),
    ).toContain('Mon 4 Jan 2027')
    expect(
      refusedWith(tryWith(m, statutoryLimits, 'legalStepTaken', respectOrder(m)), 'not_in_force'),
    ).toContain('not yet in force for this council')
  })

  it('R14: after its date, a Respect Order needs the pre-application risk assessment and an adult respondent', () => {
    const m = legalCase()
    const law = law2026('respect_order')
    expect(tryWith(m, law, 'legalStepTaken', respectOrder(m))).toMatchObject({
      ok: false,
      refusal: { code: 'pre_application_assessment_required' },
    })
    assessedBeforeApplying(m)
    // 17 on the day of the application (18 on 6 Jan 2027).
    const seventeen = respectOrder(m, { respondentDateOfBirth: '2009-01-06' })
    expect(
      refusedWith(tryWith(m, law, 'legalStepTaken', seventeen), 'respect_order_adults'),
    ).toContain('17')
    recordWith(m, law, 'legalStepTaken', respectOrder(m, { respondentDateOfBirth: '2009-01-05' }))
    expect(m.state().phase).toBe('legal')
  })

  it('R14: every requirement of a Respect Order names its supervisor, and excluding from the home needs grounds', () => {
    const m = assessedBeforeApplying(legalCase())
    const law = law2026('respect_order')
    const noSupervisor = respectOrder(m, {
      requirements: [{ description: 'Attend a course', supervisor: ' ' }],
    })
    expect(tryWith(m, law, 'legalStepTaken', noSupervisor)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid', message: 'Who supervises the requirement is required.' },
    })
    const exclusion = respectOrder(m, { excludesFromHome: true })
    expect(tryWith(m, law, 'legalStepTaken', exclusion)).toMatchObject({
      ok: false,
      refusal: {
        message: 'Excluding someone from their home needs violence or a significant risk of harm.',
      },
    })
  })

  it('R14: after the Respect Order’s date a civil injunction against an adult is refused, pointing to the Respect Order', () => {
    const m = legalCase()
    const refused = tryWith(
      m,
      law2026('respect_order'),
      'legalStepTaken',
      injunction(m, '1990-05-01'),
    )
    expect(refused).toMatchObject({
      ok: false,
      refusal: { code: 'use_respect_order', rule: 'R14' },
    })
    if (!refused.ok) expect(refused.refusal.message).toContain('Respect Order')
    // Before it (or in a council where it is not yet in force) the civil injunction stands.
    expect(tryWith(m, statutoryLimits, 'legalStepTaken', injunction(m, '1990-05-01')).ok).toBe(true)
  })

  it('R14: an injunction made before commencement is untouched: correcting its notes later is still accepted', () => {
    const m = legalCase('2026-12-01')
    const made = injunction(m, '1990-05-01')
    recordWith(m, statutoryLimits, 'legalStepTaken', made)
    const target = m.last()
    m.on('2027-02-01')
    const correction = tryWith(m, law2026('respect_order'), 'entryCorrected', {
      targetEventId: target.id,
      reason: 'Typing error in the notes.',
      changes: { notes: 'Served by hand at the door.' },
    })
    expect(correction.ok).toBe(true)
  })

  it('R14: a Youth Injunction is for ages 10 to 17 on the day of the application, with the youth offending team consulted', () => {
    const m = legalCase()
    const law = law2026('youth_injunction')
    const youth = (respondentDateOfBirth: string, consulted = true) =>
      ({
        kind: 'youth_injunction',
        stepId: m.id(),
        partyIds: [m.perpetratorId],
        respondentDateOfBirth,
        durationMonths: 12,
        youthOffendingTeamConsulted: consulted,
      }) as PayloadInput<'legalStepTaken'>
    expect(tryWith(m, law, 'legalStepTaken', youth('2008-12-31'))).toMatchObject({
      ok: false,
      refusal: { code: 'youth_injunction_age' },
    })
    expect(tryWith(m, law, 'legalStepTaken', youth('2012-01-01', false))).toMatchObject({
      ok: false,
      refusal: { code: 'injunction_yot' },
    })
    expect(tryWith(m, law, 'legalStepTaken', youth('2012-01-01')).ok).toBe(true)
    // After the Youth Injunction's date, a civil injunction against a 15-year-old is refused.
    expect(tryWith(m, law, 'legalStepTaken', injunction(m, '2011-06-01'))).toMatchObject({
      ok: false,
      refusal: { code: 'use_youth_injunction' },
    })
  })

  it('R14: a pilot brings a power into force only in its postcode districts', () => {
    const law = law2026('housing_injunction', ['GU14'])
    expect(inForce(law, 'housing_injunction', '2027-02-01', 'GU14 7JU')).toBe(true)
    expect(inForce(law, 'housing_injunction', '2027-02-01', 'GU51 4AE')).toBe(false)
    expect(
      inForce(
        law2026('housing_injunction', ['GU5']),
        'housing_injunction',
        '2027-02-01',
        'GU51 4AE',
      ),
    ).toBe(false)
    expect(inForce(law, 'housing_injunction', '2027-01-03', 'GU14 7JU')).toBe(false)
    const m = legalCase()
    const housing = {
      kind: 'housing_injunction',
      stepId: m.id(),
      partyIds: [m.perpetratorId],
      premises: 'Flat 3, 12 Elm Road',
      nuisance: 'Loud music at night affecting the block.',
    } as PayloadInput<'legalStepTaken'>
    // The demo matter is at GU51 4AE: outside the pilot.
    expect(refusedWith(tryWith(m, law, 'legalStepTaken', housing), 'not_in_force')).toContain(
      'not in force for this area',
    )
    expect(tryWith(m, law2026('housing_injunction'), 'legalStepTaken', housing).ok).toBe(true)
  })
})

describe('R14: closure and fixed penalties under the date’s law', () => {
  const closure = (m: MatterBuilder, hours: number, issuer = 'council') =>
    ({
      kind: 'closure_order',
      stepId: m.id(),
      partyIds: [m.perpetratorId],
      premises: 'Flat 3, 12 Elm Road',
      noticeServedAt: '2027-02-01T10:00:00.000Z',
      noticeHours: 24,
      issuer,
      hearingAt: new Date(Date.parse('2027-02-01T10:00:00.000Z') + hours * 3_600_000).toISOString(),
    }) as PayloadInput<'legalStepTaken'>

  it('R14: a closure order application is heard within 72 hours of a notice served after commencement, 48 before', () => {
    const m = legalCase('2027-02-02')
    expect(
      refusedWith(
        tryWith(m, statutoryLimits, 'legalStepTaken', closure(m, 60)),
        'closure_hearing_too_late',
      ),
    ).toContain('48 hours')
    const law = law2026('closure_hearing_72_hours')
    expect(tryWith(m, law, 'legalStepTaken', closure(m, 60)).ok).toBe(true)
    expect(
      refusedWith(tryWith(m, law, 'legalStepTaken', closure(m, 73)), 'closure_hearing_too_late'),
    ).toContain('72 hours')
  })

  it('R14: a social landlord’s closure notice is recorded only once landlords may issue them', () => {
    const m = legalCase('2027-02-02')
    expect(
      tryWith(m, statutoryLimits, 'legalStepTaken', closure(m, 24, 'social_landlord')),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'not_in_force' },
    })
    expect(
      tryWith(
        m,
        law2026('landlord_closure_notices'),
        'legalStepTaken',
        closure(m, 24, 'social_landlord'),
      ).ok,
    ).toBe(true)
  })

  it('R14: a fixed penalty for breaching a PSPO is capped at £100, and at £500 from the 2026 date', () => {
    const m = legalCase('2027-02-02')
    const stepId = m.id()
    m.record('legalStepTaken', {
      kind: 'public_space_protection_order',
      stepId,
      area: 'Fleet town centre',
      durationMonths: 36,
      consultedPoliceOn: '2027-01-10',
      consultedCommissionerOn: '2027-01-11',
      consultedCommunityOn: '2027-01-12',
    })
    const penalty = (amountPounds: number) => ({
      penaltyId: m.id(),
      stepId,
      issuedOn: m.today,
      amountPounds,
    })
    expect(
      refusedWith(
        tryWith(m, statutoryLimits, 'fixedPenaltyIssued', penalty(150)),
        'penalty_too_high',
      ),
    ).toContain('£100')
    const law = law2026('fixed_penalty_500')
    expect(tryWith(m, law, 'fixedPenaltyIssued', penalty(501))).toMatchObject({
      ok: false,
      refusal: { code: 'penalty_too_high' },
    })
    recordWith(m, law, 'fixedPenaltyIssued', penalty(500))
    expect(m.state().legal.steps[0]?.penalties?.map((p) => p.amountPounds)).toEqual([500])
  })

  it('R14: a breach of an order is recorded against it, with the referral for prosecution', () => {
    const m = assessedBeforeApplying(legalCase())
    const law = law2026('respect_order')
    const order = respectOrder(m)
    recordWith(m, law, 'legalStepTaken', order)
    m.later(10).record('legalStepBreached', {
      stepId: order.stepId,
      occurredOn: m.today,
      details: 'Came to the victim’s door, which the order prohibits.',
      referredForProsecution: true,
      prosecutionReference: 'HC/2027/01234',
    })
    const [breach] = m.state().legal.steps[0]?.breaches ?? []
    expect([breach?.referredForProsecution, breach?.prosecutionReference]).toEqual([
      true,
      'HC/2027/01234',
    ])
  })
})

describe('ages from dates of birth', () => {
  it.each([
    ['2009-01-06', '2027-01-05', 17],
    ['2009-01-05', '2027-01-05', 18],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
  ])('born %s, on %s: %i', (born, on, age) => {
    expect(ageOn(born, on)).toBe(age)
  })
})
