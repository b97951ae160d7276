import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { DiaryEntryResponse, DiaryPageResponse } from '../../api/public-diary.ts'
import { diaryEntryRequestSchema } from '../../api/public-diary.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { defaultCouncilContact } from '../app-env.ts'
import { recordLinkEntry } from '../diary/record-link-entry.ts'
import type { LiveLink } from '../diary/diary-link-rows.ts'
import { entriesSentFrom, findLiveLink } from '../diary/diary-link-rows.ts'
import { bodySizeLimit, kib } from '../http/body-size-limit.ts'
import { clientAddress } from '../http/client-address.ts'
import { errorResponse } from '../http/error-response.ts'
import { rateLimiter } from '../http/rate-limit.ts'
import { readJson } from '../http/read-json.ts'

// The complainant's own diary (DESIGN.md, "a private link"), no sign-in: the token in the path is
// the capability. The request log names the route pattern only, never the path with the token.
//
// An unknown, revoked, expired or ended link (its matter closed), and a token that is not even
// well formed, all get the very same 404 after the very same work (a hash and one query), so
// the answer tells a guesser nothing.

const notFoundMessage =
  'This diary link does not work. The council may have stopped it, or the case may have closed. Please contact the council.'

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex')

export function diaryLinkRoutes(deps: AppDeps) {
  const { storage, clock, limits } = deps
  const byAddress = rateLimiter(limits.diaryPerAddress)
  const byLink = rateLimiter(limits.diaryPerLink)
  const council = deps.council ?? defaultCouncilContact
  const routes = new Hono<AppEnv>()

  const tooMany = (c: Context, retryAfterSeconds: number) => {
    c.header('Retry-After', String(retryAfterSeconds))
    return errorResponse(c, 429, 'rate_limited', 'Too many requests from this phone or link. Your entries are kept on your phone; they are sent later.')
  }

  /** The link the request's token opens, or the response to send instead. */
  async function openLink(c: Context): Promise<{ ok: true; link: LiveLink } | { ok: false; response: Response }> {
    const nowMs = clock().getTime()
    const address = clientAddress(c)
    const limited = byAddress.check(address, nowMs)
    if (limited.limited) return { ok: false, response: tooMany(c, limited.retryAfterSeconds) }
    byAddress.hit(address, nowMs)
    const token = c.req.param('token') ?? ''
    const link = await findLiveLink(storage, sha256Hex(token), clock().toISOString())
    if (!link) return { ok: false, response: errorResponse(c, 404, 'not_found', notFoundMessage) }
    const perLink = byLink.check(link.linkId, nowMs)
    if (perLink.limited) return { ok: false, response: tooMany(c, perLink.retryAfterSeconds) }
    byLink.hit(link.linkId, nowMs)
    return { ok: true, link }
  }

  routes.get('/diary/:token', async (c) => {
    const opened = await openLink(c)
    if (!opened.ok) return opened.response
    const response: DiaryPageResponse = { council, entries: await entriesSentFrom(storage, opened.link) }
    return c.json(response)
  })

  // A diary entry with up to 50 file references and their small previews.
  routes.post('/diary/:token/entries', bodySizeLimit(512 * kib), async (c) => {
    const opened = await openLink(c)
    if (!opened.ok) return opened.response
    const body = await readJson(c, diaryEntryRequestSchema)
    if (!body.ok) return body.response
    const outcome = await recordLinkEntry(storage, opened.link, body.value, clock(), limits.diaryEntriesPerLinkPerDay)
    switch (outcome.kind) {
      case 'accepted':
      case 'duplicate': {
        const response: DiaryEntryResponse = { id: body.value.id, sentAt: outcome.sentAt }
        return c.json(response, outcome.kind === 'accepted' ? 201 : 200)
      }
      case 'ended':
        return errorResponse(c, 404, 'not_found', notFoundMessage)
      case 'daily_limit':
        return errorResponse(c, 429, 'rate_limited', 'That is as many entries as one day takes. Your entry is kept on your phone and sent tomorrow.')
      case 'id_taken':
        return errorResponse(c, 409, 'conflict', 'This entry cannot be sent as it is. Please contact the council.')
      case 'refused':
        return errorResponse(c, 422, 'refused', outcome.message)
    }
  })

  // Photos and recordings from the phone (DESIGN.md's file protocol) wait for the server's file
  // store (issue 12, files-server). Until then a working link answers "not yet": the phone keeps
  // the entry and its files and tries again later, losing nothing.
  routes.put('/diary/:token/files/:sha256', async (c) => {
    const opened = await openLink(c)
    if (!opened.ok) return opened.response
    c.header('Retry-After', '3600')
    return errorResponse(c, 503, 'unavailable', 'Photos and recordings cannot be received yet. They are kept on your phone and sent later.')
  })

  return routes
}
