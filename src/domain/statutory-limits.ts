import type { IsoDate } from './calendar.ts'

// R14: statutory facts that the app checks, kept as data because the law changes; a council updates
// these, not the rules' code. The Anti-social Behaviour, Crime and Policing Act 2014 as in force
// before the Crime and Policing Act 2026, and the 2026 Act's ASB provisions with the date each comes
// into force for this council (DOMAIN.md "The Crime and Policing Act 2026"): Royal Assent was 29 April
// 2026 but commencement is by regulations, possibly piloted by area, so every date is a setting
// (null: not in force here yet) and the powers it replaces stay available for matters and dates
// before it.

/** The 2026 Act's ASB provisions that change what the app allows. */
export const provisions2026 = [
  'respect_order',
  'youth_injunction',
  'housing_injunction',
  'closure_hearing_72_hours',
  'landlord_closure_notices',
  'fixed_penalty_500',
] as const
export type Provision2026 = (typeof provisions2026)[number]

export const provisionLabels: Record<Provision2026, string> = {
  respect_order: 'Respect Orders (replace civil injunctions for adults)',
  youth_injunction: 'Youth Injunctions (replace civil injunctions for under-18s)',
  housing_injunction: 'Housing Injunctions',
  closure_hearing_72_hours: 'Closure order applications heard within 72 hours',
  landlord_closure_notices: 'Closure notices issued by social landlords',
  fixed_penalty_500: 'Fixed penalties up to £500 for breaching a CPN or a PSPO',
}

/**
 * When a provision comes into force for this council. `areas` limits a pilot to postcode districts
 * or sectors ("GU51", "GU14 7"); empty means the whole council.
 */
export type Commencement = { from: IsoDate | null; areas: readonly string[] }

export type StatutoryLimits = {
  closureNoticeMaxHours: number
  /** With the chief executive's (or a delegate's) sign-off. */
  closureNoticeExtendedMaxHours: number
  /** The closure order application is heard within this many hours of service (Christmas Day not counted). */
  closureHearingWithinHours: number
  /** The same, once the 2026 Act's closure provisions are in force. */
  closureHearingWithinHours2026: number
  closureOrderMaxMonths: number
  closureOrderExtendedMaxMonths: number
  injunctionMinimumAge: number
  adultAge: number
  youthInjunctionMaxMonths: number
  pspoMaxMonths: number
  /** The most a fixed penalty for breaching a CPN or a PSPO may be, in pounds, before and after 2026. */
  fixedPenaltyMaxPounds: number
  fixedPenaltyMaxPounds2026: number
  commencements: Readonly<Record<Provision2026, Commencement>>
}

const notYet: Commencement = { from: null, areas: [] }

export const statutoryLimits: StatutoryLimits = {
  closureNoticeMaxHours: 24,
  closureNoticeExtendedMaxHours: 48,
  closureHearingWithinHours: 48,
  closureHearingWithinHours2026: 72,
  closureOrderMaxMonths: 3,
  closureOrderExtendedMaxMonths: 6,
  injunctionMinimumAge: 10,
  adultAge: 18,
  youthInjunctionMaxMonths: 12,
  pspoMaxMonths: 36,
  fixedPenaltyMaxPounds: 100,
  fixedPenaltyMaxPounds2026: 500,
  commencements: {
    respect_order: notYet,
    youth_injunction: notYet,
    housing_injunction: notYet,
    closure_hearing_72_hours: notYet,
    landlord_closure_notices: notYet,
    fixed_penalty_500: notYet,
  },
}

function inArea(areas: readonly string[], postcode: string | undefined): boolean {
  if (areas.length === 0) return true
  if (!postcode) return false
  const normalised = postcode.toUpperCase().replace(/\s+/g, ' ').trim()
  return areas.some((area) => {
    const prefix = area.toUpperCase().trim()
    // "GU5" must not match "GU51": a district matches only up to the space of the full postcode.
    return (
      normalised === prefix || normalised.startsWith(prefix.includes(' ') ? prefix : `${prefix} `)
    )
  })
}

/** Whether a 2026 provision is in force on `date` for a matter at `postcode`. */
export function inForce(
  law: StatutoryLimits,
  provision: Provision2026,
  date: IsoDate,
  postcode?: string,
): boolean {
  const { from, areas } = law.commencements[provision]
  return from !== null && date >= from && inArea(areas, postcode)
}

/** The date a provision comes into force here, if one is set. */
export function commencementOf(law: StatutoryLimits, provision: Provision2026): IsoDate | null {
  return law.commencements[provision].from
}

/** A commencement set from `from` for the whole council: for settings and tests. */
export function withCommencement(
  law: StatutoryLimits,
  provision: Provision2026,
  from: IsoDate | null,
  areas: readonly string[] = [],
): StatutoryLimits {
  return { ...law, commencements: { ...law.commencements, [provision]: { from, areas } } }
}

/** Whole years of age on `on`, from a date of birth (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) < dateOfBirth.slice(5) ? years - 1 : years
}
