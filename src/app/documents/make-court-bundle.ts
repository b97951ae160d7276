// Loaded only when an officer makes a court bundle (matter screen): pdf-lib, fontkit and the fonts
// stay out of the first screen's JavaScript. Everything here runs offline: the events and the staff
// directory come from IndexedDB, the fonts from the service worker's precache.
import type { StaffRow, StoredEvent } from '../../db/rows.ts'
import type { StaffMember } from '../../documents/court-bundle/bundle-input.ts'
import { buildCourtBundle } from '../../documents/court-bundle/build-court-bundle.ts'
import { fetchPdfFonts } from './fetch-pdf-fonts.ts'

export interface CourtBundleRequest {
  readonly events: readonly StoredEvent[]
  readonly staff: readonly StaffRow[]
  readonly from: string
  readonly to: string
  readonly leaveOut: readonly string[]
  readonly producedBy: StaffMember & { readonly id: string }
  readonly producedAt: string
  readonly councilName: string
}

export async function makeCourtBundle(request: CourtBundleRequest): Promise<Blob> {
  const staff: Record<string, StaffMember> = Object.fromEntries(
    request.staff.map((p) => [p.id, { name: p.name, role: p.role }]),
  )
  // The person making it is in the directory even before the first staff sync.
  staff[request.producedBy.id] ??= { name: request.producedBy.name, role: request.producedBy.role }
  const pdf = await buildCourtBundle({
    fonts: await fetchPdfFonts(),
    councilName: request.councilName,
    events: request.events.map(({ seq, ...event }) => ({
      event,
      seq,
      // Pulled events carry when they reached the server once the hash chain sends it (issue 13).
      receivedAt: (event as { receivedAt?: string }).receivedAt ?? null,
    })),
    staff,
    period: { from: request.from, to: request.to },
    leaveOut: request.leaveOut,
    producedBy: request.producedBy,
    producedAt: request.producedAt,
    chainHead: null,
  })
  return new Blob([pdf.slice().buffer], { type: 'application/pdf' })
}
