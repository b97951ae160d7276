// A fixed-window counter per key (an IP address, a username), in memory: enough for one server
// process, and it forgets on restart, which is fine for slowing down guessing and spam.

export type RateLimit = { max: number; windowMs: number }

export type RateLimiter = {
  /** Whether `key` has used up its allowance, and when it may try again. */
  check(
    key: string,
    nowMs: number,
  ): { limited: false } | { limited: true; retryAfterSeconds: number }
  hit(key: string, nowMs: number): void
  /** Takes back one hit (an attempt counted before it was checked, that turned out right). */
  release(key: string, nowMs: number): void
  /** Hits of `key` in its current window. */
  count(key: string, nowMs: number): number
  reset(key: string): void
}

const maxKeys = 10_000

export function rateLimiter({ max, windowMs }: RateLimit): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>()
  const current = (key: string, nowMs: number) => {
    const w = windows.get(key)
    return w && w.resetAt > nowMs ? w : undefined
  }
  const forgetExpired = (nowMs: number) => {
    for (const [key, w] of windows) if (w.resetAt <= nowMs) windows.delete(key)
  }
  return {
    check(key, nowMs) {
      const w = current(key, nowMs)
      if (!w || w.count < max) return { limited: false }
      return { limited: true, retryAfterSeconds: Math.ceil((w.resetAt - nowMs) / 1000) }
    },
    hit(key, nowMs) {
      const w = current(key, nowMs)
      if (w) {
        w.count += 1
        return
      }
      // Bounded memory under a flood of new keys: drop the windows that have ended.
      if (windows.size >= maxKeys) forgetExpired(nowMs)
      windows.set(key, { count: 1, resetAt: nowMs + windowMs })
    },
    release(key, nowMs) {
      const w = current(key, nowMs)
      if (w && w.count > 0) w.count -= 1
    },
    count(key, nowMs) {
      return current(key, nowMs)?.count ?? 0
    },
    reset(key) {
      windows.delete(key)
    },
  }
}
