import { z } from 'zod'

// Field shapes shared by every event. Dates are England calendar dates (YYYY-MM-DD);
// instants are UTC ISO strings. Free text is bounded so one bad record cannot fill a device.

export const isoDateSchema = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' })
// Instants are compared as strings everywhere (ordering, deadlines, late facts), which is right
// only if they all have one form: any precision is accepted ('…10:00Z', '…10:00:00.5Z') and
// stored as toISOString gives it, to the millisecond ('…10:00:00.000Z').
// An instant already in that form (every stored and pulled one) is kept as it is: the check has
// confirmed a real date and time, 'Z' and four-digit year, so 24 characters can only be
// 'YYYY-MM-DDTHH:mm:ss.sssZ', which toISOString would give back unchanged. Parsing and printing
// every instant again was a tenth of a first sync's validation (issue 5).
export const instantSchema = z.iso
  .datetime({ error: 'Enter a date and time.' })
  .transform((value) => (value.length === 24 ? value : new Date(value).toISOString()))
export const idSchema = z.uuid({ error: 'Not a valid id.' })

export const shortText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(200, { error: `${label} must be 200 characters or fewer.` })

export const longText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(10_000, { error: `${label} must be 10,000 characters or fewer.` })

export const optionalText = (label: string, max = 2_000) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer.` })
    .optional()

export const locationSchema = z.object({
  address: shortText('The location'),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, { error: 'Enter a UK postcode, like GU51 4AE.' })
    .optional(),
})
export type Location = z.infer<typeof locationSchema>

export const contactDetailsSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ()-]{7,20}$/, { error: 'Enter a phone number, like 01252 622122.' })
    .optional(),
  email: z.email({ error: 'Enter an e-mail address, like name@example.com.' }).optional(),
  address: z.string().trim().max(300).optional(),
})
export type ContactDetails = z.infer<typeof contactDetailsSchema>

export function hasContactRoute(details: ContactDetails | undefined): boolean {
  return Boolean(details && (details.phone || details.email || details.address))
}
