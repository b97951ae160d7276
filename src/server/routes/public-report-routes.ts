import { Hono } from 'hono'
import type { PublicReportResponse } from '../../api/public-report.ts'
import { publicReportRequestSchema } from '../../api/public-report.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { bodySizeLimit, kib } from '../http/body-size-limit.ts'
import { clientAddress } from '../http/client-address.ts'
import { trustedProxies } from '../http/trusted-proxies.ts'
import { errorResponse } from '../http/error-response.ts'
import { rateLimiter } from '../http/rate-limit.ts'
import { readJson } from '../http/read-json.ts'
import { recordPublicReport } from '../public-reports/record-public-report.ts'

// POST /api/public/reports: no sign-in, so it is limited per address and in size.

export function publicReportRoutes(deps: AppDeps) {
  const { storage, clock, log } = deps
  const byAddress = rateLimiter(deps.limits.publicReportsPerAddress)
  const proxies = trustedProxies(deps.trustedProxies ?? [])
  const routes = new Hono<AppEnv>()

  routes.post('/reports', bodySizeLimit(16 * kib), async (c) => {
    const nowMs = clock().getTime()
    const address = clientAddress(c, proxies)
    const limited = byAddress.check(address, nowMs)
    if (limited.limited) {
      c.header('Retry-After', String(limited.retryAfterSeconds))
      return errorResponse(
        c,
        429,
        'rate_limited',
        'Too many reports from this connection. Please try again later, or phone us.',
      )
    }
    byAddress.hit(address, nowMs)
    const body = await readJson(c, publicReportRequestSchema)
    if (!body.ok) return body.response
    const reference = await recordPublicReport(storage, body.value, clock())
    log({ level: 'info', msg: 'public report received', anonymous: body.value.anonymous })
    const response: PublicReportResponse = { reference }
    return c.json(response, 201)
  })

  return routes
}
