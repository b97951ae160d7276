import { z } from 'zod'
import {
  contactDetailsSchema,
  hasContactRoute,
  idSchema,
  instantSchema,
  isoDateSchema,
  locationSchema,
  longText,
  optionalText,
  shortText,
  storableString,
} from './primitives.ts'
import { attachedFilesSchema, sha256Schema } from './files.ts'
import { withLetter } from './letter-sent.ts'
import {
  asbCategorySchema,
  assessmentClosureReasonSchema,
  contactMethodSchema,
  evidenceKindSchema,
  partyRoleSchema,
  reportChannelSchema,
} from './vocabulary.ts'

// Stage 1 of the procedure: intake (R1), threshold (R2), neighbour advice (R3),
// contact attempts (R4), diary sheets and evidence (R5).

export const personSchema = z.object({
  partyId: idSchema,
  name: shortText('The name'),
  contact: contactDetailsSchema.optional(),
})

export const reportReceivedPayload = z
  .object({
    reference: storableString('The reference').trim().max(40).optional(),
    channel: reportChannelSchema,
    receivedAt: instantSchema,
    location: locationSchema,
    category: asbCategorySchema,
    description: longText('What happened'),
    anonymous: z.boolean(),
    complainant: personSchema.optional(),
  })
  .superRefine((report, ctx) => {
    // R1: only the online form may be anonymous; then no contact details are kept.
    if (report.anonymous && report.channel !== 'online_form') {
      ctx.addIssue({
        code: 'custom',
        path: ['anonymous'],
        message: 'Only reports made through the online form can be anonymous.',
      })
    }
    if (report.anonymous && report.complainant) {
      ctx.addIssue({
        code: 'custom',
        path: ['complainant'],
        message: 'An anonymous report keeps no details of the person reporting.',
      })
    }
    if (!report.anonymous && !hasContactRoute(report.complainant?.contact)) {
      ctx.addIssue({
        code: 'custom',
        path: ['complainant', 'contact'],
        message: 'Give at least one way to contact the complainant: phone, e-mail or address.',
      })
    }
  })

/** R1: a further report about the same problem, linked to the open matter instead of keyed twice. */
export const reportLinkedPayload = z.object({
  channel: reportChannelSchema,
  receivedAt: instantSchema,
  description: longText('What happened'),
  reporter: personSchema.optional(),
})

export const matterAssignedPayload = z.object({ officerId: shortText('The officer') })

export const matterDetailsUpdatedPayload = z
  .object({
    location: locationSchema.optional(),
    category: asbCategorySchema.optional(),
    description: longText('What happened').optional(),
  })
  .refine((p) => p.location || p.category || p.description, {
    message: 'Change at least one detail.',
  })

export const partyAddedPayload = z.object({
  partyId: idSchema,
  role: partyRoleSchema,
  name: shortText('The name'),
  contact: contactDetailsSchema.optional(),
  dateOfBirth: isoDateSchema.optional(),
  notes: optionalText('Notes'),
})

export const thresholdAssessedPayload = z.object({
  met: z.boolean(),
  reason: longText('The reason'),
  // R3: the three facts that make neighbour engagement the recommended first step.
  neighbourOnly: z.boolean().default(false),
  lowLevel: z.boolean().default(false),
  neighboursHaveSpoken: z.boolean().default(true),
})

export const neighbourAdviceGivenPayload = z.object({
  method: contactMethodSchema,
  givenOn: isoDateSchema,
  notes: optionalText('Notes'),
  ...withLetter,
})

export const contactAttemptOutcomes = ['no_answer', 'voicemail', 'wrong_number', 'other'] as const
export const contactAttemptedPayload = z.object({
  method: contactMethodSchema,
  partyId: idSchema.optional(),
  outcome: z.enum(contactAttemptOutcomes),
  notes: optionalText('Notes'),
})

export const contactMadePayload = z.object({
  method: contactMethodSchema,
  direction: z.enum(['outbound', 'inbound']),
  /** Absent means the complainant. */
  partyId: idSchema.optional(),
  agency: storableString('The agency').trim().max(200).optional(),
  summary: longText('What was said'),
  files: attachedFilesSchema.optional(),
})

export const contactLetterSentPayload = z.object({
  method: z.enum(['letter', 'email']),
  sentOn: isoDateSchema,
  ...withLetter,
})

export const diarySheetsIssuedPayload = z
  .object({
    issuedOn: isoDateSchema,
    method: z.enum(['post', 'email', 'in_person', 'online', 'private_link']).default('in_person'),
    /**
     * "By private link" (DESIGN.md, the complainant's own diary): the device makes the token and
     * keeps it; the event carries only its SHA-256, so neither the server nor another device can
     * rebuild the link from what it stores.
     */
    link: z.object({ linkId: idSchema, tokenHash: sha256Schema, partyId: idSchema.optional() }).optional(),
    ...withLetter,
  })
  .refine((p) => (p.method === 'private_link') === (p.link !== undefined), {
    path: ['link'],
    message: 'A private link is issued with its link, and only then.',
  })

/** The officer ends a private diary link: it answers like an unknown link from then on. */
export const diaryLinkRevokedPayload = z.object({
  linkId: idSchema,
  reason: optionalText('The reason'),
})

export const diaryEntryRecordedPayload = z.object({
  happenedAt: instantSchema,
  location: shortText('Where it happened'),
  who: shortText('Who was involved'),
  what: longText('What happened'),
  // R5: the impact on the complainant is required, not optional colour.
  impact: longText('The impact on the complainant'),
  recordsAsb: z.boolean().default(true),
  files: attachedFilesSchema.optional(),
  /** Sent by the complainant from their private link (attributed to them, not to an officer). */
  viaLinkId: idSchema.optional(),
})

export const evidenceAddedPayload = z.object({
  evidenceId: idSchema,
  kind: evidenceKindSchema,
  description: longText('A description'),
  source: shortText('Where it came from'),
  obtainedOn: isoDateSchema,
  // R5/R6: independent, clear evidence can open a case without a diary entry.
  independent: z.boolean(),
  files: attachedFilesSchema.optional(),
})

export const matterClosedPayload = z.object({
  reason: assessmentClosureReasonSchema,
  rationale: longText('The reason for closing'),
  automatic: z.boolean().default(false),
  /** The deadline that passed, for an automatic closure (R4, R5). */
  deadline: isoDateSchema.optional(),
})

export const closureAdvisedPayload = z.object({
  method: contactMethodSchema,
  advisedOn: isoDateSchema,
  ...withLetter,
})
