import { endOfLondonDay, londonDate, startOfLondonDay } from './london-time.ts'
import type { MatterState } from './matter-state.ts'
import type { LegalStepTaken } from './payloads-action.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'
import type { Provision2026, StatutoryLimits } from './statutory-limits.ts'
import { ageOn, commencementOf, inForce } from './statutory-limits.ts'
import { formatUkDate } from './uk-dates.ts'
import { courtApplicationKinds, legalStepKindLabels } from './vocabulary-lists.ts'

// R13 and R14: what must be on record before a legal step, and the statutory limits it must keep.

const HOUR = 3_600_000

/** Hours between two instants, not counting any part of Christmas Day (closure notices, s76–s80). */
export function hoursExcludingChristmas(from: string, to: string): number {
  const [start, end] = [Date.parse(from), Date.parse(to)]
  let ms = end - start
  // Christmas Day as the exact London day, so a notice served part-way through it is counted to the minute.
  for (let year = Number(londonDate(from).slice(0, 4)); year <= Number(londonDate(to).slice(0, 4)); year++) {
    const christmas = `${String(year).padStart(4, '0')}-12-25`
    const overlap = Math.min(end, Date.parse(endOfLondonDay(christmas))) - Math.max(start, Date.parse(startOfLondonDay(christmas)))
    if (overlap > 0) ms -= overlap
  }
  return ms / HOUR
}

function legalDecision(s: MatterState, step: LegalStepTaken): Refusal | null {
  // R13: a legal decision record before the first legal step on a case.
  if (s.legal.decisions.length === 0) {
    return refuse(
      'legal_decision_required',
      'Record the legal decision first: whether legal services were consulted, their advice, and why the step is reasonable and proportionate.',
      'R13',
    )
  }
  // R13 decision: court applications need the Council's legal services' advice on record.
  if (courtApplicationKinds.includes(step.kind) && !s.legal.decisions.some((d) => d.legalServicesConsulted && d.advice)) {
    return refuse(
      'legal_advice_required',
      `A court application (${legalStepKindLabels[step.kind]}) needs legal services' advice on record.`,
      'R13',
    )
  }
  return null
}

function partiesOnCase(s: MatterState, step: LegalStepTaken): Refusal | null {
  if (step.kind === 'public_space_protection_order') return null
  if (step.partyIds.length === 0) return refuse('party_required', 'Choose who the step is against.', 'R14')
  if (step.partyIds.some((id) => !s.parties.some((p) => p.partyId === id))) {
    return refuse('unknown_party', 'Choose people who are parties to this case.', 'R14')
  }
  return null
}

/** The 2026 power `provision` is not yet in force for this matter on `on`: why not, in plain words. */
function notYetInForce(law: StatutoryLimits, provision: Provision2026, on: string, postcode: string | undefined, what: string, instead: string) {
  if (inForce(law, provision, on, postcode)) return null
  const from = commencementOf(law, provision)
  const when =
    from === null
      ? 'is not yet in force for this council'
      : from > on
        ? `comes into force for this council on ${formatUkDate(from)}`
        : 'is not in force for this area yet (a pilot elsewhere in the council)'
  return refuse('not_in_force', `${what} ${when}: ${instead}`, 'R14')
}

function statutory(s: MatterState, step: LegalStepTaken, today: string, law: StatutoryLimits): Refusal | null {
  const postcode = s.location.postcode
  switch (step.kind) {
    case 'community_protection_notice': {
      // s43: only after a written warning to the same person, and after the time it gave to comply.
      const warning = s.interventions.find((i) => i.interventionId === step.warningInterventionId)
      if (!warning || warning.kind !== 'warning_letter') {
        return refuse('cpn_needs_warning', 'A Community Protection Notice needs a written warning first (s43).', 'R14')
      }
      if (step.partyIds.some((p) => !warning.partyIds.includes(p))) {
        return refuse('cpn_needs_warning', 'The written warning must have gone to the same person (s43).', 'R14')
      }
      if (!warning.complyBy || warning.complyBy >= today) {
        return refuse(
          'cpn_too_early',
          `The time the written warning gave to comply has not passed${warning.complyBy ? ` (until ${formatUkDate(warning.complyBy)})` : ''} (s43).`,
          'R14',
        )
      }
      return null
    }
    case 'closure_order': {
      const maxHours = step.noticeExtensionSignedOffBy ? law.closureNoticeExtendedMaxHours : law.closureNoticeMaxHours
      if (step.noticeHours > maxHours) {
        return refuse(
          'closure_notice_too_long',
          `A closure notice lasts at most ${law.closureNoticeMaxHours} hours, or ${law.closureNoticeExtendedMaxHours} with the chief executive's or a delegate's sign-off.`,
          'R14',
        )
      }
      // 2026 Act: 72 hours for notices served once it is in force; 48 before.
      const servedOn = londonDate(step.noticeServedAt)
      const withinHours = inForce(law, 'closure_hearing_72_hours', servedOn, postcode)
        ? law.closureHearingWithinHours2026
        : law.closureHearingWithinHours
      if (step.hearingAt < step.noticeServedAt || hoursExcludingChristmas(step.noticeServedAt, step.hearingAt) > withinHours) {
        return refuse(
          'closure_hearing_too_late',
          `The closure order application must be heard within ${withinHours} hours of the notice being served (Christmas Day not counted).`,
          'R14',
        )
      }
      if (step.issuer === 'social_landlord') {
        const refusal = notYetInForce(law, 'landlord_closure_notices', servedOn, postcode, 'A closure notice by a social landlord', 'the council or the police issues it.')
        if (refusal) return refusal
      }
      if ((step.orderMonths ?? 0) > law.closureOrderMaxMonths) {
        return refuse('closure_order_too_long', `A closure order lasts at most ${law.closureOrderMaxMonths} months at first.`, 'R14')
      }
      return null
    }
    case 'civil_injunction': {
      // The age on the day of the application, from the date of birth where it is recorded.
      const age = step.respondentDateOfBirth ? ageOn(step.respondentDateOfBirth, today) : step.respondentAge
      // 2026 Act: new applications use the powers that replace the civil injunction; injunctions
      // made before commencement run until they end (a correction is checked as of its own date).
      if (age >= law.adultAge && inForce(law, 'respect_order', today, postcode)) {
        return refuse(
          'use_respect_order',
          `Since ${formatUkDate(commencementOf(law, 'respect_order') ?? today)} a civil injunction is no longer made against an adult: apply for a Respect Order instead.`,
          'R14',
        )
      }
      if (age < law.adultAge && inForce(law, 'youth_injunction', today, postcode)) {
        return refuse(
          'use_youth_injunction',
          `Since ${formatUkDate(commencementOf(law, 'youth_injunction') ?? today)} a civil injunction is no longer made against someone under 18: apply for a Youth Injunction instead.`,
          'R14',
        )
      }
      if (age < law.injunctionMinimumAge) {
        return refuse('injunction_too_young', `The respondent must be aged ${law.injunctionMinimumAge} or over.`, 'R14')
      }
      if (age < law.adultAge) {
        if (!step.youthOffendingTeamConsulted) {
          return refuse('injunction_yot', 'For a respondent under 18, consult the youth offending team first (youth court).', 'R14')
        }
        if (!step.durationMonths || step.durationMonths > law.youthInjunctionMaxMonths) {
          return refuse('injunction_youth_length', `An injunction against someone under 18 lasts at most ${law.youthInjunctionMaxMonths} months.`, 'R14')
        }
      }
      if (step.powerOfArrest && !step.powerOfArrestGrounds) {
        return refuse(
          'power_of_arrest_grounds',
          'A power of arrest needs violence, threatened violence or a significant risk of harm.',
          'R14',
        )
      }
      return null
    }
    case 'public_space_protection_order': {
      if (!step.consultedPoliceOn || !step.consultedCommissionerOn || !step.consultedCommunityOn) {
        return refuse(
          'pspo_consultation',
          'Record the consultation with the police, the Police and Crime Commissioner and community representatives before making a PSPO.',
          'R14',
        )
      }
      // R14: the consultations come before the order: none is dated after the day it is made
      // (the day it was served, or else the day it is recorded).
      const madeOn = step.servedOn ?? today
      const consultedLate = [step.consultedPoliceOn, step.consultedCommissionerOn, step.consultedCommunityOn].some(
        (on) => on > madeOn,
      )
      if (consultedLate) {
        return refuse(
          'pspo_consulted_after',
          `The consultations come before the PSPO is made: each must be dated on or before ${formatUkDate(madeOn)}.`,
          'R14',
        )
      }
      if (step.durationMonths > law.pspoMaxMonths) {
        return refuse('pspo_too_long', 'A PSPO lasts at most 3 years, then must be reviewed to be extended.', 'R14')
      }
      return null
    }
    case 'respect_order': {
      const later = notYetInForce(law, 'respect_order', today, postcode, 'The Respect Order', 'use a civil injunction.')
      if (later) return later
      const age = ageOn(step.respondentDateOfBirth, today)
      if (age < law.adultAge) {
        return refuse('respect_order_adults', `A Respect Order is for adults: the respondent is ${age}. Apply for a Youth Injunction.`, 'R14')
      }
      const assessed = (s.legal.preApplicationAssessments ?? []).map((a) => a.partyId)
      if (step.partyIds.some((p) => !assessed.includes(p))) {
        return refuse(
          'pre_application_assessment_required',
          'Before applying for a Respect Order, record the risk assessment of the respondent: the harm to others, their vulnerabilities and the alternatives tried.',
          'R14',
        )
      }
      return null
    }
    case 'youth_injunction': {
      const later = notYetInForce(law, 'youth_injunction', today, postcode, 'The Youth Injunction', 'use a civil injunction (youth court).')
      if (later) return later
      const age = ageOn(step.respondentDateOfBirth, today)
      if (age < law.injunctionMinimumAge || age >= law.adultAge) {
        return refuse(
          'youth_injunction_age',
          `A Youth Injunction is for someone aged ${law.injunctionMinimumAge} to 17: the respondent is ${age}.`,
          'R14',
        )
      }
      if (!step.youthOffendingTeamConsulted) {
        return refuse('injunction_yot', 'Consult the youth offending team before applying for a Youth Injunction.', 'R14')
      }
      if (step.durationMonths > law.youthInjunctionMaxMonths) {
        return refuse('injunction_youth_length', `A Youth Injunction lasts at most ${law.youthInjunctionMaxMonths} months.`, 'R14')
      }
      return null
    }
    case 'housing_injunction':
      return notYetInForce(law, 'housing_injunction', today, postcode, 'The Housing Injunction', 'use a civil injunction.')
    default:
      return null
  }
}

/** 2026 Act: the most a fixed penalty for breaching a CPN or a PSPO may be on `issuedOn`. */
export function fixedPenaltyCap(law: StatutoryLimits, issuedOn: string, postcode: string | undefined): number {
  return inForce(law, 'fixed_penalty_500', issuedOn, postcode) ? law.fixedPenaltyMaxPounds2026 : law.fixedPenaltyMaxPounds
}

/** `on` is the day the step is taken: a correction is checked against the law of its own day. */
export function checkLegalStep(s: MatterState, step: LegalStepTaken, on: string, law: StatutoryLimits): Refusal | null {
  return legalDecision(s, step) ?? partiesOnCase(s, step) ?? statutory(s, step, on, law)
}

export function checkClosureOrderExtension(months: number, law: StatutoryLimits): Refusal | null {
  return months > law.closureOrderExtendedMaxMonths
    ? refuse('closure_order_too_long', `A closure order can be extended to at most ${law.closureOrderExtendedMaxMonths} months in total.`, 'R14')
    : null
}
