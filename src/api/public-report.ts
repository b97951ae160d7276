import { z } from 'zod'
import { contactDetailsSchema, locationSchema, longText, shortText } from '../domain/primitives.ts'
import { asbCategorySchema } from '../domain/vocabulary.ts'

// POST /api/public/reports: the public form, no sign-in (R1). The server turns it into a
// `reportReceived` event on the online_form channel and answers with a reference to quote.

const common = {
  location: locationSchema,
  category: asbCategorySchema,
  description: longText('What happened'),
  // A honeypot: the page hides this field from people, so only a form-filling robot fills it in.
  website: z.string().max(0, { error: 'Leave this field empty.' }).optional(),
}

/** R1: an anonymous report keeps no contact details; any sent anyway are dropped unread. */
const anonymousReport = z.object({ ...common, anonymous: z.literal(true) })

const namedReport = z
  .object({
    ...common,
    anonymous: z.literal(false),
    name: shortText('Your name'),
    phone: contactDetailsSchema.shape.phone,
    email: contactDetailsSchema.shape.email,
  })
  .refine((r) => Boolean(r.phone || r.email), {
    path: ['phone'],
    error: 'Give a phone number or an e-mail address so we can contact you, or report anonymously.',
  })

export const publicReportRequestSchema = z.discriminatedUnion('anonymous', [
  anonymousReport,
  namedReport,
])
export type PublicReportRequest = z.infer<typeof publicReportRequestSchema>

export const publicReferencePattern = /^ASB-\d{4}-\d{6,}$/

export const publicReportResponseSchema = z.object({
  reference: z.string().regex(publicReferencePattern),
})
export type PublicReportResponse = z.infer<typeof publicReportResponseSchema>
