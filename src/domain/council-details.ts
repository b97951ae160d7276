import { z } from 'zod'

// Who the council is, as its letters and the complainant's diary page show it: one record, kept
// as data so that a council puts in its own without code changes (DOMAIN.md "Council settings
// are data"; an admin screen will edit it as a versioned setting, issue 16).

export const councilDetailsSchema = z.object({
  version: z.int().min(1),
  name: z.string().trim().min(1).max(200),
  team: z.string().trim().min(1).max(200),
  /** Postal address, one line per entry. */
  address: z.array(z.string().trim().min(1).max(200)).min(1).max(8),
  phone: z.string().trim().min(1).max(40),
  email: z.email(),
  website: z.string().trim().max(200),
  /** Where the victim gives feedback after closure (R19). */
  feedbackUrl: z.string().trim().max(300),
  /** The logo as a self-contained SVG data URL (the app's CSP allows data: images). */
  logo: z.object({ src: z.string().startsWith('data:image/svg+xml,'), alt: z.string().trim().min(1).max(200) }),
})
export type CouncilDetails = z.infer<typeof councilDetailsSchema>

const demoLogo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="40" height="40" rx="6" fill="#1d4f91"/>' +
  '<path d="M8 30 L20 10 L32 30 Z" fill="#fff"/><text x="48" y="27" font-family="sans-serif" font-size="16" fill="#1d4f91">NDC</text></svg>'

/**
 * The demo council (src/server/demo): its people and places are invented, like the matters.
 * Phone numbers are in Ofcom's drama range (01632 960xxx); example.org is reserved for examples.
 */
export const demoCouncil: CouncilDetails = {
  version: 1,
  name: 'Northfold District Council',
  team: 'Community Safety Team',
  address: ['Civic Offices', 'Harlington Way', 'Northfold', 'GU52 7JF'],
  phone: '01632 960 100',
  email: 'community.safety@northfold.example.org',
  website: 'www.northfold.example.org',
  feedbackUrl: 'www.northfold.example.org/asb-feedback',
  logo: { src: `data:image/svg+xml,${encodeURIComponent(demoLogo)}`, alt: 'Northfold District Council' },
}
