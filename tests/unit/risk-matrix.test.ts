import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkRiskLevelOverride,
  compareRiskLevels,
  defaultRiskMatrix,
  riskAnswers,
  riskContactIntervalDays,
  riskQuestion,
  scoreRiskAssessment,
  validateRiskAnswers,
  type RiskAnswer,
  type RiskLevel,
} from '../../src/domain/risk-matrix.ts'
import { riskMatrixSchema, type RiskMatrix } from '../../src/domain/risk-matrix-schema.ts'

const ids = defaultRiskMatrix.questions.map((q) => q.id)

/** Every question answered "no", then the listed ids answered yes / not known. */
function answers({ yes = [], notKnown = [] }: { yes?: string[]; notKnown?: string[] } = {}) {
  const result: Record<string, RiskAnswer> = Object.fromEntries(ids.map((id) => [id, 'no']))
  for (const id of yes) result[id] = 'yes'
  for (const id of notKnown) result[id] = 'not_known'
  return result
}

const councilMatrix = (): RiskMatrix => ({
  version: 'northshire-2026-1',
  title: 'Northshire ASB victim questions',
  questions: [
    { id: 'A', group: 'impact', text: 'Is it affecting your health?', weight: 2 },
    { id: 'B', group: 'impact', text: 'Has anyone threatened you?', weight: 5 },
  ],
  thresholds: { high: 6, medium: 3 },
  escalations: [{ ifAllYes: ['B'], andAnyYes: [], level: 'medium', why: 'Threats' }],
})

describe('R7: Risk Assessment Matrix scoring', () => {
  it('R7: the default matrix is valid, versioned and not presented as an official form', () => {
    expect(riskMatrixSchema.safeParse(defaultRiskMatrix).success).toBe(true)
    expect(defaultRiskMatrix.version).toBe('casebook-default-1')
    expect(defaultRiskMatrix.title).toMatch(/not an official form/)
    expect(ids).toEqual([
      'V1',
      'V2',
      'V3',
      'V4',
      'T1',
      'T2',
      'H1',
      'H2',
      'H3',
      'H4',
      'H5',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
    ])
    expect(riskQuestion(defaultRiskMatrix, 'H3')?.text).toBe(
      'Are you afraid to leave your home, or afraid to be in it?',
    )
  })

  it('R7: the default maximum score is 32', () => {
    const all = scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ids }))
    expect(all.score).toBe(32)
    expect(all.maxScore).toBe(32)
    expect(all.computedLevel).toBe('high')
  })

  it('R7: scores the sum of the weights of yes answers', () => {
    // V1 3 + T2 2 + H4 1 + S3 2
    const result = scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ['V1', 'T2', 'H4', 'S3'] }))
    expect(result.score).toBe(8)
    expect(result.computedLevel).toBe('standard')
    expect(result.escalatedBy).toBeNull()
  })

  it.each<[string, string[], number, RiskLevel]>([
    ['9 is standard', ['V1', 'V2', 'V3', 'V4', 'H4'], 9, 'standard'],
    ['10 is medium', ['V1', 'V2', 'V3', 'V4', 'H4', 'H5'], 10, 'medium'],
    ['17 is medium', ['V1', 'V2', 'V3', 'V4', 'T2', 'H1', 'H2', 'H4', 'H5'], 17, 'medium'],
    ['18 is high', ['V1', 'V2', 'V3', 'V4', 'T2', 'H1', 'H2', 'H4', 'H5', 'S2'], 18, 'high'],
  ])('R7: boundary — a score of %s', (_label, yes, score, level) => {
    const result = scoreRiskAssessment(defaultRiskMatrix, answers({ yes }))
    expect(result.score).toBe(score)
    expect(result.computedLevel).toBe(level)
    expect(result.escalatedBy).toBeNull()
  })

  it('R7: medium from 10', () => {
    expect(
      scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ['H1', 'H2', 'H3', 'S3'] })).computedLevel,
    ).toBe('medium')
  })

  it('R7: high when the score is 18 or more', () => {
    const result = scoreRiskAssessment(
      defaultRiskMatrix,
      answers({ yes: ['V1', 'V2', 'T1', 'T2', 'H1', 'H2', 'S3', 'S4'] }),
    )
    expect(result.score).toBe(19)
    expect(result.computedLevel).toBe('high')
    expect(result.escalatedBy).toBeNull()
  })

  it.each(['V1', 'T1', 'H3'])(
    'R7: high when violence (S1) is combined with a disability (V1), targeting (T1) or fear at home (H3) even on a low score — S1 + %s',
    (other) => {
      const result = scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ['S1', other] }))
      expect(result.score).toBe(6)
      expect(result.computedLevel).toBe('high')
      expect(result.escalatedBy).toBe(defaultRiskMatrix.escalations[0]?.why)
    },
  )

  it('R7: violence alone, or a disability with violence not known, does not escalate', () => {
    expect(scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ['S1'] })).computedLevel).toBe('standard')
    const result = scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ['V1'], notKnown: ['S1'] }))
    expect(result.computedLevel).toBe('standard')
    expect(result.escalatedBy).toBeNull()
  })

  it('R7: escalatedBy is null when the score alone already reaches the escalated level', () => {
    const result = scoreRiskAssessment(defaultRiskMatrix, answers({ yes: ids }))
    expect(result.escalatedBy).toBeNull()
  })

  it('R7: not known scores 0 and is listed for follow-up', () => {
    const result = scoreRiskAssessment(
      defaultRiskMatrix,
      answers({ yes: ['V2'], notKnown: ['S5', 'V1', 'H3'] }),
    )
    expect(result.score).toBe(2)
    expect(result.notKnown).toEqual(['V1', 'H3', 'S5'])
    expect(result.unanswered).toEqual([])
  })

  it('R7: unanswered questions are reported and score 0; unknown ids are ignored by scoring', () => {
    const partial: Record<string, RiskAnswer> = answers({ yes: ['V1'] })
    delete partial.V2
    delete partial.H4
    partial.X9 = 'yes'
    const result = scoreRiskAssessment(defaultRiskMatrix, partial)
    expect(result.score).toBe(3)
    expect(result.unanswered).toEqual(['V2', 'H4'])
    expect(validateRiskAnswers(defaultRiskMatrix, partial)).toBe(
      'Answer every question: V2, H4 are unanswered. X9 is not on the form casebook-default-1.',
    )
  })

  it('R7: a complete set of answers, not known included, is valid', () => {
    expect(validateRiskAnswers(defaultRiskMatrix, answers({ notKnown: ['V1', 'S1'] }))).toBeNull()
    expect(validateRiskAnswers(defaultRiskMatrix, {})).toMatch(
      /^Answer every question: V1, V2, .* are unanswered\.$/,
    )
  })
})

describe("R7: a council's own matrix", () => {
  it('R7: accepts and scores a council matrix with its own questions and thresholds', () => {
    const matrix = riskMatrixSchema.parse(councilMatrix())
    expect(scoreRiskAssessment(matrix, { A: 'yes', B: 'no' })).toMatchObject({
      score: 2,
      maxScore: 7,
      computedLevel: 'standard',
    })
    expect(scoreRiskAssessment(matrix, { A: 'no', B: 'yes' })).toMatchObject({
      score: 5,
      computedLevel: 'medium',
    })
    expect(scoreRiskAssessment(matrix, { A: 'yes', B: 'yes' })).toMatchObject({
      score: 7,
      computedLevel: 'high',
    })
  })

  it.each<[string, (m: RiskMatrix) => void, RegExp]>([
    ['duplicate question ids', (m) => m.questions.push({ ...m.questions[0]!, text: 'Again?' }), /used twice/],
    [
      'an escalation referring to an unknown question',
      (m) => m.escalations[0]!.andAnyYes.push('Z'),
      /unknown question Z/,
    ],
    ['high equal to medium', (m) => (m.thresholds = { high: 3, medium: 3 }), /above the medium/],
    ['high below medium', (m) => (m.thresholds = { high: 2, medium: 3 }), /above the medium/],
    ['no questions', (m) => (m.questions = []), /./],
    ['a zero weight', (m) => (m.questions[0]!.weight = 0), /./],
    ['an empty version', (m) => (m.version = ''), /./],
    ['an escalation with no questions', (m) => (m.escalations[0]!.ifAllYes = []), /at least one question/],
  ])('R7: rejects a matrix with %s', (_label, spoil, message) => {
    const matrix = councilMatrix()
    spoil(matrix)
    const result = riskMatrixSchema.safeParse(matrix)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(message)
  })
})

describe('R7: officer override', () => {
  it('R7: the officer can raise but never lower the level', () => {
    expect(
      checkRiskLevelOverride('medium', 'high', 'Victim disclosed threats to the family today.'),
    ).toBeNull()
    expect(checkRiskLevelOverride('medium', 'medium', undefined)).toBeNull()
    expect(checkRiskLevelOverride('medium', 'standard', 'The victim seems fine now.')).toBe(
      'The level cannot be lowered below the computed level (medium).',
    )
    expect(checkRiskLevelOverride('high', 'medium', 'Long enough reason')).toMatch(/cannot be lowered/)
  })

  it.each([undefined, '', '   ', 'gut feel', '  short    '])(
    'R7: raising needs a written reason (%j refused)',
    (reason) => {
      expect(checkRiskLevelOverride('standard', 'medium', reason)).toBe(
        'Give a reason for raising the level above the computed level.',
      )
    },
  )

  it('R7: levels are ordered by severity', () => {
    expect(compareRiskLevels('high', 'medium')).toBeGreaterThan(0)
    expect(compareRiskLevels('standard', 'medium')).toBeLessThan(0)
    expect(compareRiskLevels('medium', 'medium')).toBe(0)
  })
})

describe('R8: forward actions', () => {
  it.each<[RiskLevel, number]>([
    ['high', 7],
    ['medium', 14],
    ['standard', 28],
  ])('R8: contact every 7/14/28 days by level — %s every %i days', (level, days) => {
    expect(riskContactIntervalDays[level]).toBe(days)
  })
})

describe('R7: properties', () => {
  const answerSet = fc.tuple(...ids.map(() => fc.constantFrom(...riskAnswers)))

  it('R7: the score stays within 0..maxScore and answering yes never lowers the level', () => {
    fc.assert(
      fc.property(answerSet, fc.nat(), (values, pick) => {
        const before: Record<string, RiskAnswer> = Object.fromEntries(ids.map((id, i) => [id, values[i]!]))
        const scored = scoreRiskAssessment(defaultRiskMatrix, before)
        expect(scored.score).toBeGreaterThanOrEqual(0)
        expect(scored.score).toBeLessThanOrEqual(scored.maxScore)

        const noes = ids.filter((id) => before[id] === 'no')
        fc.pre(noes.length > 0)
        const flipped = noes[pick % noes.length]!
        const after = scoreRiskAssessment(defaultRiskMatrix, { ...before, [flipped]: 'yes' })
        expect(compareRiskLevels(after.computedLevel, scored.computedLevel)).toBeGreaterThanOrEqual(0)
        expect(after.score).toBeGreaterThan(scored.score)
      }),
      { numRuns: 500 },
    )
  })
})
