// DOMAIN.md "Phases": a matter moves forward through these, may skip forward, never back,
// except a rejected closure request (back to where it came from) and a reopening (R19).
export const phases = [
  'enquiry',
  'evidence',
  'case',
  'investigation',
  'intervention',
  'legal',
  'closure_requested',
  'closed',
] as const
export type Phase = (typeof phases)[number]

export const phaseLabels: Record<Phase, string> = {
  enquiry: 'Enquiry',
  evidence: 'Gathering evidence',
  case: 'Case',
  investigation: 'Investigation',
  intervention: 'Intervention',
  legal: 'Legal action',
  closure_requested: 'Closure requested',
  closed: 'Closed',
}

export const stageOfPhase: Record<Phase, 1 | 2 | 3 | 4 | 5> = {
  enquiry: 1,
  evidence: 1,
  case: 1,
  investigation: 2,
  intervention: 3,
  legal: 4,
  closure_requested: 5,
  closed: 5,
}

/** Stage 1 before the case record (R6): closures here need no approval (R16). */
export const assessmentPhases: readonly Phase[] = ['enquiry', 'evidence']

/** A live case: after the case record (R6) and not waiting for or past closure. */
export const liveCasePhases: readonly Phase[] = ['case', 'investigation', 'intervention', 'legal']

export function isOpen(phase: Phase): boolean {
  return phase !== 'closed'
}

export function isLiveCase(phase: Phase): boolean {
  return liveCasePhases.includes(phase)
}

export function isAssessment(phase: Phase): boolean {
  return assessmentPhases.includes(phase)
}

/** Moving forward only: the later of the current phase and the one a step leads to. */
export function laterPhase(current: Phase, next: Phase): Phase {
  return phases.indexOf(next) > phases.indexOf(current) ? next : current
}
