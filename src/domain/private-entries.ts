import type { DomainEvent } from './events.ts'

// Issue 13: entries "private to the council" may be left out of a court bundle by the officer, and
// the bundle's index then lists each one left out. The procedure names the multi-agency risk meeting
// (MARAC) as the case: what is said there is shared in confidence between agencies. Everything else
// always goes in. (decisions.md "Court bundle omissions")
export function isPrivateToCouncil(event: DomainEvent): boolean {
  if (event.type === 'meetingHeld') return event.payload.kind === 'marac'
  if (event.type === 'referralMade') return event.payload.to === 'marac'
  return false
}
