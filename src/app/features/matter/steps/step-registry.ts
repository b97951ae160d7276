import { activeDiaryLinks } from '../../../../domain/diary-links.ts'
import type { MatterState } from '../../../../domain/matter-state.ts'
import type { Role } from '../../../../domain/vocabulary.ts'
import { actionSteps } from './action-steps.ts'
import { caseSteps } from './case-steps.ts'
import { legal2026Steps } from './legal-2026-steps.ts'
import { stage1Steps } from './stage1-steps.ts'
import type { StepDefinition } from './step-definition.ts'

export const allSteps: StepDefinition[] = [...stage1Steps, ...caseSteps, ...actionSteps, ...legal2026Steps]

// Steps the rules would always refuse on this matter are not offered at all.
const contactOnly = new Set(['contactLetterSent', 'feedbackInvited', 'closureAdvised'])

/** The steps offered on a matter now: those its phase allows, for the signed-in role. */
export function stepsFor(state: MatterState, role: Role): StepDefinition[] {
  if (role === 'admin') return []
  return allSteps.filter(
    (s) =>
      s.phases.includes(state.phase) &&
      (!s.roles || s.roles.includes(role)) &&
      !(state.anonymous && contactOnly.has(s.id)) &&
      // An anonymous report has no complainant to give a link to; revoking needs a working link.
      !(state.anonymous && s.id === 'diaryLinkIssued') &&
      !(s.id === 'diaryLinkRevoked' && activeDiaryLinks(state).length === 0) &&
      // R19 decision: only a manager reopens a closed case.
      !(s.id === 'matterReopened' && state.caseCreatedAt && role !== 'manager'),
  )
}

export function stepById(id: string): StepDefinition | undefined {
  return allSteps.find((s) => s.id === id)
}
