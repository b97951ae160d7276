import { z } from 'zod'
import { riskAnswers, riskLevels } from './risk-matrix.ts'

// R7: the zod schemas of the Risk Assessment Matrix and of an assessment's answers, built from the
// lists in risk-matrix.ts. A council's own matrix is checked against riskMatrixSchema.

export const riskLevelSchema = z.enum(riskLevels)
export const riskAnswerSchema = z.enum(riskAnswers)

export const riskAnswersSchema = z.record(z.string(), riskAnswerSchema)

// The group is a free string: the default form uses vulnerability / targeting / harm / seriousness, but a
// council's own form may group its questions differently.
export const riskQuestionSchema = z.object({
  id: z.string().min(1),
  group: z.string().min(1),
  text: z.string().min(1),
  weight: z.number().int().positive(),
})
export type RiskQuestion = z.infer<typeof riskQuestionSchema>

// An escalation applies when every `ifAllYes` question and at least one `andAnyYes` question (if any are listed)
// is answered yes. It can only raise the level, never lower it.
export const riskEscalationSchema = z
  .object({
    ifAllYes: z.array(z.string().min(1)),
    andAnyYes: z.array(z.string().min(1)),
    level: riskLevelSchema,
    why: z.string().min(1),
  })
  .refine((e) => e.ifAllYes.length + e.andAnyYes.length > 0, {
    message: 'An escalation must refer to at least one question.',
  })
export type RiskEscalation = z.infer<typeof riskEscalationSchema>

export const riskMatrixSchema = z
  .object({
    version: z.string().min(1),
    title: z.string().min(1),
    questions: z.array(riskQuestionSchema).min(1),
    thresholds: z.object({ high: z.number().int(), medium: z.number().int() }),
    escalations: z.array(riskEscalationSchema),
  })
  .superRefine((matrix, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message })
    const ids = new Set<string>()
    matrix.questions.forEach((q, i) => {
      if (ids.has(q.id)) issue(['questions', i, 'id'], `Question id ${q.id} is used twice.`)
      ids.add(q.id)
    })
    if (matrix.thresholds.high <= matrix.thresholds.medium) {
      issue(['thresholds', 'high'], 'The high threshold must be above the medium threshold.')
    }
    matrix.escalations.forEach((e, i) => {
      for (const id of [...e.ifAllYes, ...e.andAnyYes]) {
        if (!ids.has(id)) issue(['escalations', i], `Escalation refers to unknown question ${id}.`)
      }
    })
  })
export type RiskMatrix = z.infer<typeof riskMatrixSchema>
