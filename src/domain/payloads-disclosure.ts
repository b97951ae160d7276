import { z } from 'zod'
import { sha256Schema } from './files.ts'
import { idSchema, isoDateSchema, longText, shortText } from './primitives.ts'

// Issue 13, the partner case pack: sharing a matter with the police, a housing provider or mediation
// is itself an entry (data protection: what was shared, with whom and why).

export const disclosureMadePayload = z
  .object({
    recipient: shortText('Who it was shared with'),
    organisation: shortText('Their organisation'),
    purpose: longText('Why it was shared'),
    /** The period of the chronology shared, England calendar dates, inclusive. */
    from: isoDateSchema,
    to: isoDateSchema,
    /** The entries shared. */
    eventIds: z.array(idSchema).max(20_000),
    /** The evidence files listed in the pack, by SHA-256. */
    fileHashes: z.array(sha256Schema).max(5_000),
    /** The parties other than the complainant whose personal details were shared unredacted. */
    includedThirdParties: z.array(idSchema).max(500).default([]),
  })
  .refine((p) => p.from <= p.to, {
    path: ['to'],
    message: 'The end of the period is before its start.',
  })
