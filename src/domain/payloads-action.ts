import { z } from 'zod'
import { idSchema, instantSchema, isoDateSchema, longText, optionalText, shortText, storableString } from './primitives.ts'
import { caseClosureReasonSchema, contactMethodSchema, interventionKindSchema } from './vocabulary.ts'
import { agreementKinds } from './vocabulary-lists.ts'
import { withLetter } from './letter-sent.ts'

// Stages 3–5: interventions (R12), legal steps (R13, R14), closure (R15–R18) and after (R19).

const partyIds = z.array(idSchema).min(1, { error: 'Choose who it is for.' })

/** R12, R18: "both parties" are two different people; a list that names someone twice is refused. */
const namesSomeoneTwice = (ids: readonly string[]) => new Set(ids).size !== ids.length

export const interventionRecordedPayload = z
  .object({
    interventionId: idSchema,
    kind: interventionKindSchema,
    partyIds,
    date: isoDateSchema,
    summary: optionalText('Summary'),
    terms: optionalText('The terms', 10_000),
    reviewOn: isoDateSchema.optional(),
    /** For a written warning: the time given to comply (s43, before a CPN). */
    complyBy: isoDateSchema.optional(),
    consents: z.array(z.object({ partyId: idSchema, consented: z.boolean() })).default([]),
    ...withLetter,
  })
  .superRefine((i, ctx) => {
    if (namesSomeoneTwice(i.partyIds)) {
      ctx.addIssue({ code: 'custom', path: ['partyIds'], message: 'The same person is named twice: choose different people.' })
    }
    // s43 (R14): the time given to comply runs after the warning is given.
    if (i.complyBy && i.complyBy <= i.date) {
      ctx.addIssue({ code: 'custom', path: ['complyBy'], message: 'The date to comply by must be after the date of the warning.' })
    }
    if (agreementKinds.includes(i.kind)) {
      if (!i.terms) ctx.addIssue({ code: 'custom', path: ['terms'], message: 'Set out the terms of the agreement.' })
      if (!i.reviewOn) ctx.addIssue({ code: 'custom', path: ['reviewOn'], message: 'Give a review date for the agreement.' })
    }
    // R12: a mediation referral needs the recorded consent of both parties.
    if (i.kind === 'mediation_referral') {
      const consenting = new Set(i.consents.filter((c) => c.consented).map((c) => c.partyId))
      if (i.partyIds.length < 2 || i.partyIds.some((p) => !consenting.has(p))) {
        ctx.addIssue({
          code: 'custom',
          path: ['consents'],
          message: 'A mediation referral needs the recorded consent of both parties.',
        })
      }
    }
  })

export const interventionBreachedPayload = z.object({
  interventionId: idSchema,
  occurredOn: isoDateSchema,
  details: longText('What the breach was'),
})

/** R18: tit-for-tat closures need mediation to have been offered, and the answer of each party. */
export const mediationOfferedPayload = z.object({
  offeredOn: isoDateSchema,
  responses: z
    .array(z.object({ partyId: idSchema, response: z.enum(['consented', 'declined', 'no_response']) }))
    .min(2, { error: 'Mediation is offered to both parties.' })
    .refine((rs) => !namesSomeoneTwice(rs.map((r) => r.partyId)), {
      error: 'Mediation is offered to two different people: the same person is named twice.',
    }),
})

export const legalDecisionRecordedPayload = z
  .object({
    decisionId: idSchema,
    legalServicesConsulted: z.boolean(),
    advice: optionalText('The advice given', 10_000),
    proportionality: longText('Why the step is reasonable and proportionate'),
  })
  // R13: a record that says legal services were consulted says what they advised.
  .refine((d) => !d.legalServicesConsulted || Boolean(d.advice), {
    path: ['advice'],
    error: 'Say what legal services advised.',
  })

const legalStepBase = {
  stepId: idSchema,
  partyIds: z.array(idSchema).default([]),
  servedOn: isoDateSchema.optional(),
  hearingOn: isoDateSchema.optional(),
  expiresOn: isoDateSchema.optional(),
  reviewOn: isoDateSchema.optional(),
  notes: optionalText('Notes', 10_000),
  ...withLetter,
}

export const powerOfArrestGrounds = ['violence', 'threatened_violence', 'significant_risk_of_harm'] as const
/** 2026 Act: a Respect Order may exclude the respondent from their home only on these grounds. */
export const exclusionGrounds = ['violence', 'significant_risk_of_harm'] as const
export const closureNoticeIssuers = ['council', 'police', 'social_landlord'] as const

/** Each requirement of a Respect Order names who supervises it (2026 Act). */
const requirement = z.object({
  description: shortText('The requirement'),
  supervisor: shortText('Who supervises the requirement'),
})

export const legalStepTakenPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('letter_before_action'), ...legalStepBase }),
  z.object({ kind: z.literal('legal_undertaking'), ...legalStepBase }),
  z.object({
    kind: z.literal('civil_injunction'),
    ...legalStepBase,
    respondentAge: z.int().min(0).max(120),
    /** Recorded so the age on the day of the application is checked, not typed. */
    respondentDateOfBirth: isoDateSchema.optional(),
    durationMonths: z.int().min(1).max(120).optional(),
    youthOffendingTeamConsulted: z.boolean().default(false),
    powerOfArrest: z.boolean().default(false),
    powerOfArrestGrounds: z.enum(powerOfArrestGrounds).optional(),
  }),
  z.object({
    kind: z.literal('closure_order'),
    ...legalStepBase,
    premises: shortText('The premises'),
    noticeServedAt: instantSchema,
    noticeHours: z.int().min(1).max(48),
    /** Who issued the closure notice: social landlords may, once the 2026 Act allows it. */
    issuer: z.enum(closureNoticeIssuers).default('council'),
    noticeExtensionSignedOffBy: storableString('Who signed off the extension').trim().max(200).optional(),
    hearingAt: instantSchema,
    orderMonths: z.int().min(1).max(6).optional(),
  }),
  z.object({
    kind: z.literal('community_protection_notice'),
    ...legalStepBase,
    /** s43: the written warning that came first (an intervention on this case). */
    warningInterventionId: idSchema,
  }),
  z.object({
    kind: z.literal('public_space_protection_order'),
    ...legalStepBase,
    area: shortText('The area it covers'),
    durationMonths: z.int().min(1).max(120),
    consultedPoliceOn: isoDateSchema.optional(),
    consultedCommissionerOn: isoDateSchema.optional(),
    consultedCommunityOn: isoDateSchema.optional(),
  }),
  // The Crime and Policing Act 2026 (DOMAIN.md): each refused before its date in force here.
  z
    .object({
      kind: z.literal('respect_order'),
      ...legalStepBase,
      respondentDateOfBirth: isoDateSchema,
      court: z.enum(['county_court', 'high_court']),
      prohibitions: optionalText('The prohibitions', 10_000),
      requirements: z.array(requirement).max(30).default([]),
      /** Months, or absent for "until further order". */
      termMonths: z.int().min(1).max(240).optional(),
      excludesFromHome: z.boolean().default(false),
      exclusionGrounds: z.enum(exclusionGrounds).optional(),
    })
    .refine((o) => Boolean(o.prohibitions) || o.requirements.length > 0, {
      path: ['prohibitions'],
      error: 'A Respect Order sets out prohibitions, requirements or both.',
    })
    .refine((o) => !o.excludesFromHome || o.exclusionGrounds !== undefined, {
      path: ['exclusionGrounds'],
      error: 'Excluding someone from their home needs violence or a significant risk of harm.',
    }),
  z.object({
    kind: z.literal('youth_injunction'),
    ...legalStepBase,
    respondentDateOfBirth: isoDateSchema,
    durationMonths: z.int().min(1).max(120),
    youthOffendingTeamConsulted: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('housing_injunction'),
    ...legalStepBase,
    premises: shortText('The premises'),
    nuisance: longText('The housing-related nuisance or annoyance'),
  }),
])
export type LegalStepTaken = z.infer<typeof legalStepTakenPayload>

/** 2026 Act: before applying for a Respect Order, a risk assessment of the respondent. */
export const preApplicationRiskAssessedPayload = z.object({
  assessmentId: idSchema,
  partyId: idSchema,
  harmToOthers: longText('The risk of harm to others'),
  respondentVulnerabilities: longText('The respondent’s vulnerabilities'),
  alternativesTried: longText('The alternatives tried'),
})

/** A breach of an order or notice; breaching a Respect Order is a crime, referred for prosecution. */
export const legalStepBreachedPayload = z.object({
  stepId: idSchema,
  occurredOn: isoDateSchema,
  details: longText('What the breach was'),
  referredForProsecution: z.boolean().default(false),
  prosecutionReference: storableString('The prosecution reference').trim().max(60).optional(),
})

/** A fixed penalty for breaching a CPN or a PSPO, capped by the law on the day it is issued. */
export const fixedPenaltyIssuedPayload = z.object({
  penaltyId: idSchema,
  stepId: idSchema,
  partyId: idSchema.optional(),
  issuedOn: isoDateSchema,
  amountPounds: z.int({ error: 'Give the amount in whole pounds.' }).min(1, { error: 'Give the amount in whole pounds.' }),
})

export const legalStepDatesSetPayload = z.object({
  stepId: idSchema,
  servedOn: isoDateSchema.optional(),
  hearingOn: isoDateSchema.optional(),
  expiresOn: isoDateSchema.optional(),
  reviewOn: isoDateSchema.optional(),
  /** A closure order extended: its new total length in months (at most 6). */
  extendedToMonths: z.int().min(1).max(12).optional(),
})

const victimTold = z.discriminatedUnion('told', [
  z.object({ told: z.literal(true), method: contactMethodSchema, on: isoDateSchema }),
  z.object({ told: z.literal(false), why: longText('Why the victim could not be told') }),
])

export const closureRequestedPayload = z
  .object({
    reason: caseClosureReasonSchema,
    rationale: longText('The rationale for closing'),
    // R17: how and when the victim was told, or why that was not possible.
    victimTold,
    mediationOutcome: z.enum(['both_consented', 'declined', 'no_response']).optional(),
    signposting: optionalText('The signposting given'),
    /** R17: the letter that told the victim, when they were told by letter or e-mail. */
    ...withLetter,
  })
  .superRefine((r, ctx) => {
    // R18: the special reasons carry their own record.
    if (r.reason === 'tit_for_tat' && !r.mediationOutcome) {
      ctx.addIssue({
        code: 'custom',
        path: ['mediationOutcome'],
        message: 'Say whether both parties consented to the mediation offered.',
      })
    }
    if (r.reason === 'tools_exhausted' && !r.signposting) {
      ctx.addIssue({
        code: 'custom',
        path: ['signposting'],
        message: 'Record the signposting given when all tools are exhausted.',
      })
    }
  })

export const closureApprovedPayload = z.object({ comment: optionalText('Comment') })
export const closureRejectedPayload = z.object({ comment: longText("The manager's comment") })

export const feedbackInvitedPayload = z.object({
  method: z.enum(['link', 'post']),
  sentOn: isoDateSchema,
  ...withLetter,
})
export const feedbackReceivedPayload = z.object({
  receivedOn: isoDateSchema,
  satisfied: z.enum(['yes', 'partly', 'no']).optional(),
  summary: longText('The feedback'),
})

export const matterReopenedPayload = z.object({ reason: longText('The reason for reopening') })

export const entryCorrectedPayload = z.object({
  targetEventId: idSchema,
  reason: longText('The reason for the correction'),
  changes: z
    .record(z.string(), z.unknown())
    .refine((c) => Object.keys(c).length > 0, { message: 'Change at least one field.' }),
})

