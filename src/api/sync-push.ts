import { z } from 'zod'
import type { DomainEvent } from '../domain/events.ts'
import { domainEventSchema } from '../domain/events.ts'
import { sha256Schema } from '../domain/files.ts'
import { findUnstorableText, idSchema, storableString } from '../domain/primitives.ts'
import type { Refusal } from '../domain/refusal.ts'
import { refuse } from '../domain/refusal.ts'

// POST /api/sync/push (DESIGN.md "Sync protocol"). Events go in the order the device recorded
// them; each comes back with its own result, in the same order. Pushing the same event again is
// harmless: it comes back `duplicate` with the seq it was stored under. An event whose files the
// server does not hold (yet) comes back `missing_files` naming them: not a refusal, the device
// keeps it pending, uploads the files and pushes it again (DESIGN.md "Evidence files").

export const maxPushEvents = 500

// The request is checked in two steps. Its envelope (the device, a list of entries each with an
// id) must be right or the whole push gets 400 and nothing is stored. Each entry is then checked
// on its own (`parsePushedEvent`): one the server cannot take comes back `rejected` with its
// reason and the rest are recorded. A device that holds such an entry (made by an older version,
// or with text the database cannot store) shows it as refused and goes on syncing; a 400 for the
// whole batch would have it send the same batch, and fail, for ever (issue 14).
const pushedEventEnvelopeSchema = z.looseObject({ id: idSchema })

export const pushRequestSchema = z.object({
  deviceId: storableString('The device').trim().min(1).max(100),
  events: z
    .array(pushedEventEnvelopeSchema)
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

export type ParsedPushedEvent = { ok: true; event: DomainEvent } | { ok: false; reason: Refusal }

/**
 * One pushed entry, checked with the domain's schema and for text the database cannot store
 * anywhere in it (keys and free-form values included). The reason says which field is wrong.
 */
export function parsePushedEvent(raw: unknown): ParsedPushedEvent {
  const parsed = domainEventSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (${issue.path.map(String).join('.')})` : ''
    return {
      ok: false,
      reason: refuse('invalid_entry', `${issue?.message ?? 'The entry is not valid.'}${where}`),
    }
  }
  const unstorable = findUnstorableText(parsed.data)
  if (unstorable) {
    const field = unstorable.map(String).join('.')
    return {
      ok: false,
      reason: refuse(
        'invalid_entry',
        `Text in this entry (${field}) contains a character that cannot be stored: type it again.`,
      ),
    }
  }
  return { ok: true, event: parsed.data }
}
