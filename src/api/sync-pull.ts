import { z } from 'zod'
import type { DomainEvent } from '../domain/events.ts'
import { domainEventSchema } from '../domain/events.ts'

// GET /api/sync/pull?after=<cursor>&limit=<n>. Keep the returned `cursor` and ask again with it
// while `hasMore`. Events come in `seq` order. When a matter becomes visible (assigned to you),
// its earlier events come too, so a page may hold events with a seq below `after`: store events
// by id and fold each matter in seq order, and a repeat is harmless.

export const defaultPullLimit = 500
export const maxPullLimit = 1_000

const queryInt = z
  .string()
  .regex(/^\d{1,15}$/, { error: 'Give a whole number.' })
  .transform(Number)

export const pullQuerySchema = z.object({
  after: queryInt.default(0),
  limit: queryInt
    .pipe(
      z
        .int()
        .min(1)
        .max(maxPullLimit, { error: `Ask for at most ${maxPullLimit} events.` }),
    )
    .default(defaultPullLimit),
})
export type PullQuery = z.infer<typeof pullQuerySchema>

export const pulledEventSchema = z.intersection(
  domainEventSchema,
  z.object({ seq: z.int().positive() }),
)
export type PulledEvent = DomainEvent & { seq: number }

export const pullResponseSchema = z.object({
  events: z.array(pulledEventSchema),
  /** The highest seq the server examined for you: ask `after` it next time. */
  cursor: z.int().min(0),
  hasMore: z.boolean(),
})
export type PullResponse = { events: PulledEvent[]; cursor: number; hasMore: boolean }
