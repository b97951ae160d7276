import type { PayloadInput } from '../../../src/domain/events.ts'
import type { RiskAnswer, RiskLevel } from '../../../src/domain/risk-matrix.ts'
import { defaultRiskMatrix, scoreRiskAssessment } from '../../../src/domain/risk-matrix.ts'

// R7: risk assessments on the default matrix for arranging cases.

// "Yes" answers that score exactly into each level, with no escalation:
// medium V1+T1+H1+S3 = 11; high V1+V2+V4+T1+T2+H1+H3 = 18.
const yesFor: Record<RiskLevel, string[]> = {
  standard: [],
  medium: ['V1', 'T1', 'H1', 'S3'],
  high: ['V1', 'V2', 'V4', 'T1', 'T2', 'H1', 'H3'],
}

export function riskAnswersFor(level: RiskLevel): Record<string, RiskAnswer> {
  const answer = (id: string): RiskAnswer => (yesFor[level].includes(id) ? 'yes' : 'no')
  return Object.fromEntries(defaultRiskMatrix.questions.map((q) => [q.id, answer(q.id)]))
}

export type RiskAssessmentInput = PayloadInput<'riskAssessed'>['riskAssessment']

/** A complete assessment, scored as the matrix scores it; `overrides` can make it wrong on purpose. */
export function riskAssessment(
  computed: RiskLevel = 'standard',
  overrides: Partial<RiskAssessmentInput> = {},
): RiskAssessmentInput {
  const answers = overrides.answers ?? riskAnswersFor(computed)
  const { score, computedLevel } = scoreRiskAssessment(defaultRiskMatrix, answers)
  const matrixVersion = defaultRiskMatrix.version
  return { matrixVersion, answers, score, computedLevel, level: computedLevel, ...overrides }
}
