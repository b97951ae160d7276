import type { DomainEvent } from '../../domain/events.ts'
import type { PdfFontBytes } from '../pdf/pdf-fonts.ts'

// What a court bundle is made from. The same input on the device (from IndexedDB) and on the server
// (from the database): the pure builder never reads anything else.

/** An event as stored: the server's order (`seq`) and when it reached the server, once it has. */
export interface RecordedEvent {
  readonly event: DomainEvent
  readonly seq?: number | null
  /** When the server stored it (the hash chain's pull field); absent: "not yet on the server". */
  readonly receivedAt?: string | null
}

/** The staff directory: everyone who has recorded anything, including people who have left. */
export interface StaffMember {
  readonly name: string
  readonly role: string
}

export interface CourtBundleInput {
  readonly fonts: PdfFontBytes
  readonly councilName: string
  /** Every event of the matter (the period is applied by the builder; corrections need their targets). */
  readonly events: readonly RecordedEvent[]
  readonly staff: Readonly<Record<string, StaffMember>>
  /** England calendar dates, inclusive. */
  readonly period: { readonly from: string; readonly to: string }
  /** Entries private to the council that the officer leaves out; each is listed in the index. */
  readonly leaveOut?: readonly string[]
  /** Files (SHA-256) whose bytes are not held where the bundle is made: listed, and said so. */
  readonly missingFiles?: readonly string[]
  readonly producedBy: StaffMember
  readonly producedAt: string
  /** The matter's hash chain head as the server last sent it (DESIGN.md "Tamper evidence"). */
  readonly chainHead?: string | null
}
