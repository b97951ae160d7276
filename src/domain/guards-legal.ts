import { endOfLondonDay, londonDate, startOfLondonDay } from './london-time.ts'
import type { MatterState } from './matter-state.ts'
import type { LegalStepTaken } from './payloads-action.ts'
import type { Refusal } from './refusal.ts'
import { refuse } from './refusal.ts'
import type { StatutoryLimits } from './statutory-limits.ts'
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

function statutory(s: MatterState, step: LegalStepTaken, today: string, law: StatutoryLimits): Refusal | null {
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
          `The time the written warning gave to comply has not passed${warning.complyBy ? ` (until ${warning.complyBy})` : ''} (s43).`,
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
      if (step.hearingAt < step.noticeServedAt || hoursExcludingChristmas(step.noticeServedAt, step.hearingAt) > law.closureHearingWithinHours) {
        return refuse(
          'closure_hearing_too_late',
          `The closure order application must be heard within ${law.closureHearingWithinHours} hours of the notice being served (Christmas Day not counted).`,
          'R14',
        )
      }
      if ((step.orderMonths ?? 0) > law.closureOrderMaxMonths) {
        return refuse('closure_order_too_long', `A closure order lasts at most ${law.closureOrderMaxMonths} months at first.`, 'R14')
      }
      return null
    }
    case 'civil_injunction': {
      if (step.respondentAge < law.injunctionMinimumAge) {
        return refuse('injunction_too_young', `The respondent must be aged ${law.injunctionMinimumAge} or over.`, 'R14')
      }
      if (step.respondentAge < law.adultAge) {
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
    default:
      return null
  }
}

export function checkLegalStep(s: MatterState, step: LegalStepTaken, now: string, law: StatutoryLimits): Refusal | null {
  return legalDecision(s, step) ?? partiesOnCase(s, step) ?? statutory(s, step, londonDate(now), law)
}

export function checkClosureOrderExtension(months: number, law: StatutoryLimits): Refusal | null {
  return months > law.closureOrderExtendedMaxMonths
    ? refuse('closure_order_too_long', `A closure order can be extended to at most ${law.closureOrderExtendedMaxMonths} months in total.`, 'R14')
    : null
}
