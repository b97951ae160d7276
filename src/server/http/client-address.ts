import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { isIP } from 'node:net'
import type { TrustedProxies } from './trusted-proxies.ts'
import { plainAddress } from './trusted-proxies.ts'

// The client's address, for rate limits. X-Forwarded-For is read only when the peer is one of
// TRUSTED_PROXIES, and then from the right: each proxy appends the address it saw, so the
// right-most entry that is not itself a trusted proxy is the client. Entries to its left were
// sent by the client and prove nothing.
export function clientAddress(c: Context, proxies?: TrustedProxies): string {
  const peer = peerAddress(c)
  if (!proxies?.has(peer)) return peer
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => plainAddress(s.trim()))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? ''
    // A malformed hop was not written by a trusted proxy: treat whoever sent it as the client.
    if (isIP(hop) === 0) return peer
    if (!proxies.has(hop)) return hop
  }
  // Only proxies in the chain (a health check from the proxy itself): the left-most one.
  return hops[0] ?? peer
}

function peerAddress(c: Context): string {
  try {
    return plainAddress(getConnInfo(c).remote.address ?? 'unknown')
  } catch {
    // No socket: a request made in-process (tests, app.request).
    return 'local'
  }
}
