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

// PostgreSQL text and jsonb cannot hold the NUL character or half of a UTF-16 surrogate pair (a
// broken emoji, as a bad paste or a buggy keyboard can leave in a JS string). zod's strings accept
// both, and the database then failed the whole push with a 500 (issue 14). Every string that can
// reach the database starts from `storableString`, so such text is refused where it comes in, with
// its label, and new schemas get the check by building on it.
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function isStorableText(value: string): boolean {
  return !unstorable.test(value)
}

export const unstorableMessage = (label: string) =>
  `${label} contains a character that cannot be stored (a broken emoji or a control character): type it again.`

/** A string the database can store; chain `.trim()`, `.max()` and the rest on it. */
export const storableString = (label: string) =>
  z.string().refine(isStorableText, { error: unstorableMessage(label) })

/** The path of the first string (or object key) in `value` the database cannot store, or null. */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, i])
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key]
      const found = findUnstorableText(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

export const shortText = (label: string) =>
  storableString(label)
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(200, { error: `${label} must be 200 characters or fewer.` })

export const longText = (label: string) =>
  storableString(label)
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(10_000, { error: `${label} must be 10,000 characters or fewer.` })

export const optionalText = (label: string, max = 2_000) =>
  storableString(label)
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
  address: storableString('The address').trim().max(300).optional(),
})
export type ContactDetails = z.infer<typeof contactDetailsSchema>

export function hasContactRoute(details: ContactDetails | undefined): boolean {
  return Boolean(details && (details.phone || details.email || details.address))
}
