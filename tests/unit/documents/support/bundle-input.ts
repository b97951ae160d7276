import type {
  CourtBundleInput,
  RecordedEvent,
} from '../../../../src/documents/court-bundle/bundle-input.ts'
import type { MatterBuilder } from '../../support/matter-builder.ts'
import { testFonts } from './pdf-text.ts'

// A court bundle's input from a built matter: the builder's actors in a staff directory, each event
// stamped as the server would (seq, receivedAt a minute after it was recorded) unless told otherwise.

export const staff = {
  'officer-1': { name: 'Olivia Price', role: 'officer' },
  'officer-2': { name: 'Omar Shah', role: 'officer' },
  'manager-1': { name: 'Maya Jones', role: 'manager' },
  'manager-2': { name: 'Martin Cole', role: 'manager' },
}

export const onServer = (matter: MatterBuilder, pendingFrom = Infinity): RecordedEvent[] =>
  matter.events.map((event, index) => ({
    event,
    seq: index < pendingFrom ? index + 1 : null,
    receivedAt:
      index < pendingFrom ? new Date(Date.parse(event.recordedAt) + 60_000).toISOString() : null,
  }))

export const bundleInput = async (
  matter: MatterBuilder,
  overrides: Partial<CourtBundleInput> = {},
): Promise<CourtBundleInput> => ({
  fonts: await testFonts(),
  councilName: 'Hart District Council',
  events: onServer(matter),
  staff,
  period: { from: '2026-01-01', to: '2026-12-31' },
  producedBy: staff['officer-1'],
  producedAt: '2026-12-05T14:05:00.000Z',
  chainHead: 'a'.repeat(64),
  ...overrides,
})
