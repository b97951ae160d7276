import type { RiskMatrix, RiskQuestion } from './risk-matrix-schema.ts'

// R7: the Risk Assessment Matrix is data, not code, so a council can plug in its own form (questions, weights,
// thresholds, escalations) without a release. Each assessment stores `version` so an old score can be re-read
// against the form it was made with.

export const riskLevels = ['standard', 'medium', 'high'] as const
export type RiskLevel = (typeof riskLevels)[number]

// R7: "not known" is a valid answer (it scores 0 and is listed for follow-up), so it is not the same as no answer.
export const riskAnswers = ['yes', 'no', 'not_known'] as const
export type RiskAnswer = (typeof riskAnswers)[number]

// The matrix's zod schema (a council's own form is checked against it) and its types are in
// risk-matrix-schema.ts; this module is zod-free because the Today screen's due dates use
// riskContactIntervalDays (issue 5, offline cold start).

const inGroup = (group: string, rows: [id: string, weight: number, text: string][]): RiskQuestion[] =>
  rows.map(([id, weight, text]) => ({ id, group, text, weight }))

// R7 decision: our own default in the shape of the victim risk assessments used in England and Wales. It is not
// an official form and its title must never suggest it is.
export const defaultRiskMatrix: RiskMatrix = {
  version: 'casebook-default-1',
  title: 'Casebook default victim risk assessment (not an official form)',
  questions: [
    ...inGroup('vulnerability', [
      ['V1', 3, 'Do you have a disability, a long-term illness or a mental-health condition?'],
      ['V2', 2, 'Are you, or is someone affected in your household, elderly or a child?'],
      ['V3', 1, 'Do you live alone, or have no one to support you?'],
      ['V4', 2, 'Have you experienced ASB or crime before, here or elsewhere?'],
    ]),
    ...inGroup('targeting', [
      [
        'T1',
        3,
        'Do you think you are targeted because of who you are (disability, race, religion, sexual orientation, gender identity, age)?',
      ],
      ['T2', 2, 'Is the behaviour aimed at you personally rather than at the area generally?'],
    ]),
    ...inGroup('harm', [
      ['H1', 3, 'Is it affecting your physical or mental health?'],
      ['H2', 2, 'Is it affecting others in your household, including children?'],
      ['H3', 3, 'Are you afraid to leave your home, or afraid to be in it?'],
      ['H4', 1, 'Is it affecting your sleep, work or daily routine?'],
      ['H5', 1, 'Have you thought about moving because of it?'],
    ]),
    ...inGroup('seriousness', [
      ['S1', 3, 'Has anyone used or threatened violence?'],
      ['S2', 1, 'Has your property been damaged?'],
      ['S3', 2, 'Is it happening more often or getting worse?'],
      ['S4', 2, 'Are you or anyone in your household thinking of taking matters into your own hands?'],
      ['S5', 1, 'Does the person responsible live or spend time near you?'],
    ]),
  ],
  thresholds: { high: 18, medium: 10 },
  escalations: [
    {
      ifAllYes: ['S1'],
      andAnyYes: ['V1', 'T1', 'H3'],
      level: 'high',
      why: 'Violence used or threatened (S1) with a disability or illness (V1), targeting (T1) or fear at home (H3).',
    },
  ],
}

export type RiskScore = {
  score: number
  maxScore: number
  computedLevel: RiskLevel
  /** Question ids answered "not known", in matrix order, for the officer to follow up (R7). */
  notKnown: string[]
  unanswered: string[]
  /** The `why` of the escalation that raised the level above the score-based level, if any. */
  escalatedBy: string | null
}

export function riskQuestion(matrix: RiskMatrix, id: string): RiskQuestion | undefined {
  return matrix.questions.find((question) => question.id === id)
}

export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return riskLevels.indexOf(a) - riskLevels.indexOf(b)
}

export function scoreRiskAssessment(matrix: RiskMatrix, answers: Record<string, RiskAnswer>): RiskScore {
  let score = 0
  let maxScore = 0
  const notKnown: string[] = []
  const unanswered: string[] = []
  for (const question of matrix.questions) {
    maxScore += question.weight
    const answer = answers[question.id]
    if (answer === 'yes') score += question.weight
    else if (answer === 'not_known') notKnown.push(question.id)
    else if (answer === undefined) unanswered.push(question.id)
  }
  const scoreLevel: RiskLevel =
    score >= matrix.thresholds.high ? 'high' : score >= matrix.thresholds.medium ? 'medium' : 'standard'

  // R7: escalations only look at "yes" answers, so answering yes can never lower the level.
  const isYes = (id: string) => answers[id] === 'yes'
  let computedLevel = scoreLevel
  let escalatedBy: string | null = null
  for (const e of matrix.escalations) {
    const applies = e.ifAllYes.every(isYes) && (e.andAnyYes.length === 0 || e.andAnyYes.some(isYes))
    if (applies && compareRiskLevels(e.level, computedLevel) > 0) {
      computedLevel = e.level
      escalatedBy = e.why
    }
  }
  return { score, maxScore, computedLevel, notKnown, unanswered, escalatedBy }
}

export function validateRiskAnswers(matrix: RiskMatrix, answers: Record<string, RiskAnswer>): string | null {
  const reasons: string[] = []
  const unanswered = matrix.questions
    .filter((question) => answers[question.id] === undefined)
    .map((x) => x.id)
  if (unanswered.length > 0) {
    const verb = unanswered.length === 1 ? 'is' : 'are'
    reasons.push(`Answer every question: ${unanswered.join(', ')} ${verb} unanswered.`)
  }
  const unknown = Object.keys(answers).filter((id) => riskQuestion(matrix, id) === undefined)
  if (unknown.length > 0) {
    reasons.push(
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not on the form ${matrix.version}.`,
    )
  }
  return reasons.length > 0 ? reasons.join(' ') : null
}

// R7: a raise is professional judgement and must be explained in writing; 10 characters rules out "n/a" or "x".
export const riskOverrideReasonMinLength = 10

export function checkRiskLevelOverride(
  computed: RiskLevel,
  chosen: RiskLevel,
  reason: string | undefined,
): string | null {
  const order = compareRiskLevels(chosen, computed)
  if (order < 0) return `The level cannot be lowered below the computed level (${computed}).`
  if (order > 0 && (reason ?? '').trim().length < riskOverrideReasonMinLength) {
    return 'Give a reason for raising the level above the computed level.'
  }
  return null
}

// R8 decision: default calendar days from the last contact to the next, by risk level.
export const riskContactIntervalDays: Record<RiskLevel, number> = { high: 7, medium: 14, standard: 28 }
