import type { PullResponse } from '../../../src/api/sync-pull.ts'
import type { PushResponse } from '../../../src/api/sync-push.ts'
import type { DomainEvent } from '../../../src/domain/events.ts'
import { systemActorId } from '../../../src/domain/events.ts'
import { createSession } from '../../../src/server/auth/sessions.ts'
import { createUser } from '../../../src/server/auth/users.ts'
import type { Storage } from '../../../src/server/storage/storage.ts'
import type { CouncilMeta } from '../generate-council.ts'
import { pushBatches } from '../council/push-batches.ts'

// The council's people on a bench server, and the council pushed and pulled through the sync API.
// `send` is either Hono's `app.request` (in-process) or `fetch` against a real port.

export type Send = (path: string, init?: RequestInit) => Promise<Response>

export const benchPassword = 'council-bench-password'

/**
 * The council's officers and managers, and one stand-in for the server's scheduler: the history
 * holds its automatic closures (R4, R5) with actorId `system`, so a user with that id pushes them,
 * in their place in the history, through the same API and the same checks.
 */
export async function addCouncilUsers(storage: Storage, meta: CouncilMeta): Promise<void> {
  const people = [
    ...meta.staff,
    {
      id: systemActorId,
      username: 'casebook-scheduler',
      name: 'Casebook (automatic steps)',
      role: 'manager' as const,
    },
  ]
  for (const p of people) {
    const created = await createUser(storage, { ...p, password: benchPassword }, new Date(), p.id)
    if (!created.ok && created.code !== 'duplicate') throw new Error(created.message)
  }
}

export async function sessionTokens(
  storage: Storage,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>()
  for (const id of userIds) tokens.set(id, (await createSession(storage, id, new Date())).token)
  return tokens
}

export function allUserIds(meta: CouncilMeta): string[] {
  return [...meta.staff.map((u) => u.id), systemActorId]
}

const json = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
})

export type PushTotals = { events: number; requests: number; serverMs: number; wallMs: number }

/**
 * Pushes the whole council, each batch in its author's session. `serverMs` counts only the time
 * from sending a request to having its answer parsed, not the bench's own JSON.stringify.
 */
export async function pushCouncil(
  send: Send,
  tokens: ReadonlyMap<string, string>,
  events: AsyncIterable<DomainEvent> | Iterable<DomainEvent>,
  onProgress?: (totals: PushTotals) => void,
): Promise<PushTotals> {
  const totals: PushTotals = { events: 0, requests: 0, serverMs: 0, wallMs: 0 }
  const started = performance.now()
  for await (const batch of pushBatches(events)) {
    const token = tokens.get(batch.actorId)
    if (!token) throw new Error(`No session for ${batch.actorId}.`)
    const body = JSON.stringify({ deviceId: batch.deviceId, events: batch.events })
    const sent = performance.now()
    const res = await send('/api/sync/push', { method: 'POST', headers: json(token), body })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${text.slice(0, 300)}`)
    const { results } = JSON.parse(text) as PushResponse
    totals.serverMs += performance.now() - sent
    const refused = results.find((r) => r.status !== 'accepted')
    if (refused) throw new Error(`push of the council was not accepted: ${JSON.stringify(refused)}`)
    totals.events += batch.events.length
    totals.requests += 1
    if (totals.requests % 50 === 0) onProgress?.({ ...totals, wallMs: performance.now() - started })
  }
  totals.wallMs = performance.now() - started
  return totals
}

export type PullTotals = { events: number; pages: number; ms: number; cursor: number }

/**
 * Pulls everything the session may see, page after page, as a new device would. `ms` counts the
 * server's part, from sending each request to having its whole body; parsing it is the device's.
 */
export async function pullEverything(send: Send, token: string, limit = 1_000, after = 0): Promise<PullTotals> {
  const totals: PullTotals = { events: 0, pages: 0, ms: 0, cursor: after }
  for (let more = true; more; ) {
    const sent = performance.now()
    const res = await send(`/api/sync/pull?after=${totals.cursor}&limit=${limit}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const text = await res.text()
    totals.ms += performance.now() - sent
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${text.slice(0, 300)}`)
    const page = JSON.parse(text) as PullResponse
    totals.events += page.events.length
    totals.pages += 1
    totals.cursor = page.cursor
    more = page.hasMore
  }
  return totals
}
