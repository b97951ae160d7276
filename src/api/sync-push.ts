import { z } from 'zod'
import { domainEventSchema } from '../domain/events.ts'
import { sha256Schema } from '../domain/files.ts'

// POST /api/sync/push (DESIGN.md "Sync protocol"). Events go in the order the device recorded
// them; each comes back with its own result, in the same order. Pushing the same event again is
// harmless: it comes back `duplicate` with the seq it was stored under. An event whose files the
// server does not hold (yet) comes back `missing_files` naming them: not a refusal, the device
// keeps it pending, uploads the files and pushes it again (DESIGN.md "Evidence files").

export const maxPushEvents = 500

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0')
  if (value && typeof value === 'object') return Object.values(value).some(hasNul)
  return false
}

// PostgreSQL text cannot hold the NUL character: refuse it here, where nothing is stored yet.
const pushedEventSchema = domainEventSchema.refine((e) => !hasNul(e), {
  error: 'Text in an entry cannot contain the NUL character.',
})

export const pushRequestSchema = z.object({
  deviceId: z.string().trim().min(1).max(100),
  events: z
    .array(pushedEventSchema)
    .min(1, { error: 'Push at least one event.' })
    .max(maxPushEvents, { error: `Push at most ${maxPushEvents} events at a time.` }),
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export const pushStatuses = ['accepted', 'duplicate', 'rejected', 'missing_files'] as const

/** Why the server refused an event: the domain's refusal, or a sync-level reason. */
export const refusalSchema = z.object({
  code: z.string(),
  message: z.string(),
  rule: z.string().optional(),
})

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), seq: z.int().positive() }),
  z.object({ id: z.string(), status: z.literal('duplicate'), seq: z.int().positive() }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: refusalSchema }),
  z.object({
    id: z.string(),
    status: z.literal('missing_files'),
    /** The files to upload before this event can be accepted. */
    missing: z.array(sha256Schema).min(1),
  }),
])
export type PushResult = z.infer<typeof pushResultSchema>

export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) })
export type PushResponse = z.infer<typeof pushResponseSchema>
