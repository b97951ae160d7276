import type { DomainEvent, EventType, PayloadInput } from '../../../src/domain/events.ts'
import type { Actor } from '../../../src/domain/guard-context.ts'
import type { MatterBuilder } from '../../unit/support/matter-builder.ts'

// The server suites arrange matters with the domain's own builder (every step it records has
// passed checkEvent on the "device"); this is the one place they import it from.
export {
  aCase,
  aMatter,
  manager,
  officer,
  otherManager,
  otherOfficer,
} from '../../unit/support/matter-builder.ts'
export type { MatterBuilder }

/** An event as a device would push it, without the builder checking or recording it. */
export function proposed<T extends EventType>(
  m: MatterBuilder,
  actor: Actor,
  type: T,
  payload: PayloadInput<T>,
): DomainEvent {
  return m.as(actor).propose(type, payload) as DomainEvent
}
