import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Log } from '../logging/log.ts'
import { describeError } from '../logging/log.ts'

// One log line per request: method, the route PATTERN (/api/sync/pull, never the raw URL with
// its query string or ids), status and milliseconds.
export function requestLog(
  log: Log,
  now: () => number = () => performance.now(),
): MiddlewareHandler {
  return async (c, next) => {
    const started = now()
    try {
      await next()
    } finally {
      const entry = {
        method: c.req.method,
        route: routePath(c),
        status: c.res.status,
        ms: Math.round(now() - started),
      }
      log({ level: c.res.status >= 500 ? 'error' : 'info', msg: 'request', ...entry })
    }
  }
}

export function logUnhandled(log: Log, error: unknown, route: string): void {
  log({ level: 'error', msg: 'unhandled error', route, ...describeError(error) })
}
