// R14: statutory facts of the Anti-social Behaviour, Crime and Policing Act 2014 that the app
// checks. Kept as data because the law changes; a council updates these, not the rules' code.
export const statutoryLimits = {
  closureNoticeMaxHours: 24,
  /** With the chief executive's (or a delegate's) sign-off. */
  closureNoticeExtendedMaxHours: 48,
  /** The closure order application is heard within this many hours of service (Christmas Day not counted). */
  closureHearingWithinHours: 48,
  closureOrderMaxMonths: 3,
  closureOrderExtendedMaxMonths: 6,
  injunctionMinimumAge: 10,
  adultAge: 18,
  youthInjunctionMaxMonths: 12,
  pspoMaxMonths: 36,
} as const

export type StatutoryLimits = typeof statutoryLimits
