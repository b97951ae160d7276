import type { DomainEvent } from '../../domain/events.ts'

// Idempotency is by event id, but an id must also mean the same event: a different event under
// a stored id (a device bug, a forged push) is refused rather than acknowledged as a duplicate.
// Compared as canonical JSON because jsonb does not keep key order.

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function sameEvent(a: DomainEvent, b: DomainEvent): boolean {
  return canonical(a) === canonical(b)
}
