import { entryTitle } from '../../domain/chronology-text.ts'
import type { DomainEvent } from '../../domain/events.ts'
import { partyRoleLabels } from '../../domain/vocabulary-lists.ts'
import type { LineContext } from './entry-lines.ts'

/** The chronology's title of an entry, without a redacted person's name. */
export function titleOf(event: DomainEvent, context: LineContext): string {
  if (event.type === 'partyAdded' && context.redact?.(event.payload.partyId)) {
    return `${partyRoleLabels[event.payload.role]} added`
  }
  return entryTitle(event)
}
