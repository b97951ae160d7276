import { z } from 'zod'
import { attachedFilesSchema } from './files.ts'
import { idSchema, instantSchema, isoDateSchema, longText, optionalText, shortText, storableString } from './primitives.ts'
import { riskAnswersSchema, riskLevelSchema } from './risk-matrix-schema.ts'

// After the case record (R6): risk (R7), forward actions (R8), the action plan (R9),
// investigation (R10) and incidents (R11).

export const riskAssessmentReasons = [
  'case_opened',
  'scheduled',
  'significant_change',
  'reports_stopped',
  'other',
] as const

export const riskAssessmentSchema = z.object({
  matrixVersion: shortText('The matrix version'),
  answers: riskAnswersSchema,
  score: z.int().min(0),
  computedLevel: riskLevelSchema,
  level: riskLevelSchema,
  raisedReason: optionalText('The reason for raising the level'),
  reason: z.enum(riskAssessmentReasons).default('scheduled'),
})
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>

export const caseRecordCreatedPayload = z.object({
  summary: optionalText('Summary'),
  riskAssessment: riskAssessmentSchema,
})

export const riskAssessedPayload = z.object({ riskAssessment: riskAssessmentSchema })

export const riskChangeNotedPayload = z.object({ summary: longText('What has changed') })

export const nextContactSetPayload = z.object({
  dueOn: isoDateSchema,
  note: optionalText('Note'),
})

export const actionSetPayload = z.object({
  actionId: idSchema,
  what: shortText('The action'),
  who: shortText('Who will do it'),
  dueOn: isoDateSchema,
})

export const actionCompletedPayload = z.object({
  actionId: idSchema,
  outcome: longText('The outcome'),
})

export const meetingKinds = ['multi_agency', 'marac', 'case_conference', 'other'] as const
export const meetingHeldPayload = z.object({
  kind: z.enum(meetingKinds),
  heldOn: isoDateSchema,
  attendees: shortText('Who attended'),
  summary: longText('What was agreed'),
})

export const referralTargets = [
  'marac',
  'police',
  'victim_support',
  'mediation',
  'housing',
  'social_care',
  'mental_health',
  'other',
] as const
export const referralMadePayload = z.object({
  to: z.enum(referralTargets),
  agency: shortText('The agency'),
  reason: longText('The reason for the referral'),
  referredOn: isoDateSchema,
})

export const informationRequestedPayload = z.object({
  from: shortText('Who it was asked of'),
  what: longText('What was asked for'),
  requestedOn: isoDateSchema,
  dueOn: isoDateSchema.optional(),
})

export const incidentRecordedPayload = z.object({
  happenedAt: instantSchema,
  summary: longText('What happened'),
  reportedBy: shortText('Who reported it'),
  policeReference: storableString('The police reference').trim().max(60).optional(),
  files: attachedFilesSchema.optional(),
})

export const investigationStartedPayload = z.object({ summary: longText('The plan of investigation') })
