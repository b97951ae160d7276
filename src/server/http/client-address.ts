import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

// The peer's address, for rate limits. Forwarded headers are not trusted: anyone can send them.
// Behind a reverse proxy every request comes from the proxy, so limits per IP become limits for
// everyone; put the limits in the proxy then.
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: a request made in-process (tests, app.request).
    return 'local'
  }
}
