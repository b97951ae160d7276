import type { Phase } from '../../../../domain/phases.ts'
import type { Role } from '../../../../domain/vocabulary.ts'
import type { StepSpec } from '../../../forms/field-spec.ts'

/** A step, and where it is offered: only in the phases the procedure allows (DOMAIN.md). */
export type StepDefinition = StepSpec & {
  phases: readonly Phase[]
  roles?: readonly Role[]
  /** Groups the step list on the matter page. */
  group: 'Contact' | 'Assessment' | 'Evidence' | 'Case' | 'Action plan' | 'Interventions' | 'Legal' | 'Closure' | 'Record'
  /** A step with a screen of its own rather than the generic form (the private diary link). */
  custom?: 'diaryLink'
}

export const open: readonly Phase[] = ['enquiry', 'evidence', 'case', 'investigation', 'intervention', 'legal', 'closure_requested']
export const assessment: readonly Phase[] = ['enquiry', 'evidence']
export const live: readonly Phase[] = ['case', 'investigation', 'intervention', 'legal']
export const liveOrPending: readonly Phase[] = [...live, 'closure_requested']
