import { Hono } from 'hono'
import type { PushResponse } from '../../api/sync-push.ts'
import { parsePushedEvent, pushRequestSchema } from '../../api/sync-push.ts'
import { pullQuerySchema } from '../../api/sync-pull.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { requireUser } from '../auth/require-user.ts'
import { bodySizeLimit, kib } from '../http/body-size-limit.ts'
import { errorResponse, issuesOf } from '../http/error-response.ts'
import { readJson } from '../http/read-json.ts'
import { AudienceIndex } from '../sync/audience-index.ts'
import { withEventLog } from '../sync/event-log.ts'
import { pullEventsJson } from '../sync/pull-events.ts'

// POST /api/sync/push and GET /api/sync/pull (DESIGN.md "Sync protocol"). Case work is for
// officers and managers: an administrator manages users and gets 403 here.

// 500 events of a few KB each, with room for long free text.
const maxPushBytes = 4 * 1024 * kib

export function syncRoutes(deps: AppDeps) {
  const { storage, clock, log } = deps
  const routes = new Hono<AppEnv>()
  const caseWorker = requireUser(deps, ['officer', 'manager'])
  // Who could see which matter when, kept by this server for its pulls (audience-index.ts).
  const audiences = new AudienceIndex()

  routes.post('/push', bodySizeLimit(maxPushBytes), caseWorker, async (c) => {
    // The envelope is checked before anything is stored; each entry then on its own
    // (api/sync-push.ts): a malformed one is rejected and the rest are recorded.
    const body = await readJson(c, pushRequestSchema)
    if (!body.ok) return body.response
    const { deviceId } = body.value
    const events = body.value.events.map(parsePushedEvent)
    const valid = events.flatMap((e) => (e.ok ? [e.event] : []))
    const user = c.get('user')
    const results = await withEventLog(storage, clock(), async (eventLog) => {
      await eventLog.preload(valid)
      const out: PushResponse['results'] = []
      // In order: a later event of the batch may depend on an earlier one.
      // parsePushedEvent parsed each event with the domain's schema: checked, not parsed again.
      for (const [i, event] of events.entries()) {
        if (event.ok) out.push(await eventLog.record(user, event.event, { deviceId, parsed: true }))
        else
          out.push({
            id: String(body.value.events[i]?.id),
            status: 'rejected',
            reason: event.reason,
          })
      }
      return out
    })
    const counts = { accepted: 0, duplicate: 0, rejected: 0, missing_files: 0 }
    for (const r of results) counts[r.status] += 1
    log({ level: 'info', msg: 'push', user: user.id, ...counts })
    const response: PushResponse = { results }
    return c.json(response)
  })

  routes.get('/pull', caseWorker, async (c) => {
    const query = pullQuerySchema.safeParse(c.req.query())
    if (!query.success) {
      return errorResponse(
        c,
        400,
        'invalid_query',
        'The cursor or limit is not valid.',
        issuesOf(query.error),
      )
    }
    // The page is JSON bytes already (see pull-events.ts).
    const json = await pullEventsJson(storage, audiences, c.get('user'), query.data)
    return c.body(json, 200, { 'Content-Type': 'application/json' })
  })

  return routes
}
