import { z } from 'zod'
import type { DomainEvent } from '../domain/events.ts'
import { hashPattern } from '../domain/event-chain.ts'
import { eventSchemas, eventTypes } from '../domain/events.ts'

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

/**
 * `receivedAt` (when the event reached the server) and `hash` (its link in its matter's
 * tamper-evident chain, domain/event-chain.ts) are optional: a server from before the chain sends
 * neither. The device keeps them on the event as they came: the chain hashes `receivedAt`.
 */
export type PulledEvent = DomainEvent & { seq: number; receivedAt?: string; hash?: string }

// Each event type's schema with the server's fields beside the envelope, rather than an
// intersection of the event and `{ seq }`: an intersection parses every event twice and merges
// the two results, and a first sync checks a quarter of a million events (issue 5).
const seqField = {
  seq: z.int().positive(),
  receivedAt: z.iso.datetime().optional(),
  hash: z.string().regex(hashPattern).optional(),
}
export const pulledEventSchema = z.discriminatedUnion(
  'type',
  eventTypes.map((type) => eventSchemas[type].extend(seqField)) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<PulledEvent>

export const pullResponseSchema = z.object({
  events: z.array(pulledEventSchema),
  /** The highest seq the server examined for you: ask `after` it next time. */
  cursor: z.int().min(0),
  hasMore: z.boolean(),
})
export type PullResponse = { events: PulledEvent[]; cursor: number; hasMore: boolean }
