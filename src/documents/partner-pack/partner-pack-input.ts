import type { PdfFontBytes } from '../pdf/pdf-fonts.ts'
import type { RecordedEvent, StaffMember } from '../court-bundle/bundle-input.ts'

// What a partner case pack is made from (issue 13): the chronology between chosen dates, the
// evidence chosen, and the third parties whose details the officer decided to share.
export interface PartnerPackInput {
  readonly fonts: PdfFontBytes
  readonly councilName: string
  readonly events: readonly RecordedEvent[]
  readonly staff: Readonly<Record<string, StaffMember>>
  /** England calendar dates, inclusive. */
  readonly period: { readonly from: string; readonly to: string }
  /** Who it goes to and why: printed on the pack and recorded as the disclosure. */
  readonly recipient: string
  readonly organisation: string
  readonly purpose: string
  /** The evidence files (SHA-256) to list; the others are not mentioned. */
  readonly evidence: readonly string[]
  /** Parties other than the complainant and victims whose names and contact details are shown. */
  readonly includeThirdParties: readonly string[]
  readonly producedBy: StaffMember
  readonly producedAt: string
  readonly chainHead?: string | null
}
