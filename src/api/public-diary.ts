import { z } from 'zod'
import { fileRefSchema } from '../domain/files.ts'
import { diaryEntryRecordedPayload } from '../domain/payloads-assessment.ts'
import { idSchema, instantSchema } from '../domain/primitives.ts'

// The complainant's own diary (DESIGN.md, "a private link"), no sign-in: the token in the path is
// the capability. GET /api/public/diary/<token> and POST /api/public/diary/<token>/entries.

/** A token is 32 random bytes in base64url: 43 characters, 256 bits (at least 128 are required). */
export const diaryTokenPattern = /^[A-Za-z0-9_-]{43}$/

/**
 * What the complainant sends: exactly what R5 asks of a diary entry (when, where, who, what
 * happened and the impact on them), any files, and the entry's own id, made on the phone, which
 * makes sending it again harmless. Whether it records ASB and which link sent it are not theirs
 * to say: the server sets them.
 */
export const diaryEntryRequestSchema = diaryEntryRecordedPayload
  .omit({ viaLinkId: true, recordsAsb: true })
  .extend({ id: idSchema })
  .strict()
export type DiaryEntryRequest = z.infer<typeof diaryEntryRequestSchema>
export type DiaryEntryInput = z.input<typeof diaryEntryRequestSchema>

export const diaryEntryResponseSchema = z.object({
  id: idSchema,
  /** When the council's server first received it. */
  sentAt: instantSchema,
})
export type DiaryEntryResponse = z.infer<typeof diaryEntryResponseSchema>

/** An entry as the link shows it back: only what was sent from this very link. */
export const sentEntrySchema = z.object({
  id: idSchema,
  happenedAt: instantSchema,
  location: z.string(),
  who: z.string(),
  what: z.string(),
  impact: z.string(),
  files: z.array(fileRefSchema).optional(),
  sentAt: instantSchema,
})
export type SentEntry = z.infer<typeof sentEntrySchema>

export const councilContactSchema = z.object({
  name: z.string(),
  phone: z.string().optional(),
  email: z.string().optional(),
  hours: z.string().optional(),
})
export type CouncilContact = z.infer<typeof councilContactSchema>

/** Everything the page may show: the council's contact details and the entries sent from it. */
export const diaryPageResponseSchema = z.object({
  council: councilContactSchema,
  entries: z.array(sentEntrySchema),
})
export type DiaryPageResponse = z.infer<typeof diaryPageResponseSchema>
