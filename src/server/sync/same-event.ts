import { canonicalJson } from '../../domain/event-chain.ts'
import type { DomainEvent } from '../../domain/events.ts'

// Idempotency is by event id, but an id must also mean the same event: a different event under
// a stored id (a device bug, a forged push) is refused rather than acknowledged as a duplicate.
// Compared as canonical JSON (the chain's own, domain/event-chain.ts) because key order is not
// part of an event.

export function sameEvent(a: DomainEvent, b: DomainEvent): boolean {
  return canonicalJson(a) === canonicalJson(b)
}
