import type { DomainEvent } from '../domain/events.ts'
import { systemActorId } from '../domain/events.ts'
import type { StaffMember } from './court-bundle/bundle-input.ts'

// Issue 13 "People named": every entry names who recorded it, "Olivia Price (officer)", never
// "a colleague". The directory keeps people who have left, so old entries keep their names.

const publicActorId = 'public'

export function recordedBy(
  event: DomainEvent,
  staff: Readonly<Record<string, StaffMember>>,
): string {
  if (event.type === 'diaryEntryRecorded' && event.payload.viaLinkId !== undefined) {
    return 'The complainant (by private link)'
  }
  if (event.actorId === systemActorId) return 'Casebook (automatic)'
  if (event.actorId === publicActorId) return 'A member of the public (online form)'
  const person = staff[event.actorId]
  return person ? personLabel(person) : `Someone not in the staff directory (${event.actorId})`
}

export function personLabel(person: StaffMember): string {
  return `${person.name} (${person.role})`
}
