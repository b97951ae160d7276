import { randomBytes } from 'node:crypto'
import type { LoginResponse } from '../../../src/api/auth-login.ts'
import type { PullResponse, PulledEvent } from '../../../src/api/sync-pull.ts'
import type { PushResponse } from '../../../src/api/sync-push.ts'
import { uuidV7 } from '../../../src/domain/ids.ts'
import type { DemoUser } from './casebook.ts'

// The sync protocol of DESIGN.md spoken directly, the way another device would: to look at what
// the server holds, and to record a step from "another device" without driving a second browser.

export type ApiSession = { url: string; token: string; user: LoginResponse['user'] }

export async function apiSignIn(url: string, who: DemoUser): Promise<ApiSession> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: who.username, password: who.password }),
  })
  if (!response.ok) throw new Error(`${who.username} could not sign in: ${response.status}`)
  const body = (await response.json()) as LoginResponse
  return { url, token: body.token, user: body.user }
}

/** Every event the user may see, page by page from the start. */
export async function pullAll(session: ApiSession): Promise<PulledEvent[]> {
  const events: PulledEvent[] = []
  let after = 0
  for (;;) {
    const response = await fetch(`${session.url}/api/sync/pull?after=${after}&limit=500`, {
      headers: { Authorization: `Bearer ${session.token}` },
    })
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`)
    const page = (await response.json()) as PullResponse
    events.push(...page.events)
    after = page.cursor
    if (!page.hasMore) return events
  }
}

/** Pushes one event recorded "now" by the signed-in user; fails unless it is accepted. */
export async function pushStep(
  session: ApiSession,
  matterId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const now = new Date()
  const event = {
    id: uuidV7(now.getTime(), randomBytes(10)),
    matterId,
    type,
    payload,
    actorId: session.user.id,
    deviceId: `e2e-api-${session.user.id}`,
    occurredAt: now.toISOString(),
    recordedAt: now.toISOString(),
  }
  const response = await fetch(`${session.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ deviceId: event.deviceId, events: [event] }),
  })
  const body = (await response.json()) as PushResponse
  const result = body.results?.[0]
  if (!response.ok || result?.status !== 'accepted') {
    throw new Error(`${type} was not accepted: ${JSON.stringify(body)}`)
  }
}
