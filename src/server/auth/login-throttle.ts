import type { RateLimit } from '../http/rate-limit.ts'
import { rateLimiter } from '../http/rate-limit.ts'
import type { CheckSlotLimit } from './check-slots.ts'
import { checkSlots } from './check-slots.ts'

// Who may have a password checked, and when (issue 14). Limits must stop the one guessing, not
// the officer signing in:
// - per address and username: one address guessing one account is stopped for the window;
// - per address: one address guessing across accounts is stopped (an office behind one address
//   shares it, which is why only failures count, and why TRUSTED_PROXIES matters);
// - per username, across addresses: past the limit the account is under attack from several
//   places, so addresses that have failed at all in the window are stopped for it, while an
//   address with no failures still gets its check. A known username cannot be locked out; a
//   spread-out attacker gets one guess per fresh address per window.
// Every attempt is counted before its check and taken back if the password was right, so guesses
// sent at once cannot all slip in before the first failure is counted; and only a few checks run
// at a time (check-slots.ts).

export type LoginLimits = {
  loginPerAddress: RateLimit
  loginPerAddressAndUsername: RateLimit
  loginPerUsername: RateLimit
  loginChecks: CheckSlotLimit
}

export type LoginAttempt = {
  /** The password was right: the attempt no longer counts, and the pair's failures are forgiven. */
  succeeded(): void
  /** The attempt stays counted; frees the check slot. */
  failed(): void
}

export type Admission =
  | { ok: true; attempt: LoginAttempt }
  | { ok: false; why: 'limited' | 'busy'; retryAfterSeconds: number }

export function loginThrottle(limits: LoginLimits) {
  const byAddress = rateLimiter(limits.loginPerAddress)
  const byPair = rateLimiter(limits.loginPerAddressAndUsername)
  const byUsername = rateLimiter(limits.loginPerUsername)
  const slots = checkSlots(limits.loginChecks)

  return {
    async admit(address: string, username: string, nowMs: number): Promise<Admission> {
      const pair = `${address}\n${username}`
      const limited = [byAddress.check(address, nowMs), byPair.check(pair, nowMs)].find(
        (l) => l.limited,
      )
      if (limited?.limited)
        return { ok: false, why: 'limited', retryAfterSeconds: limited.retryAfterSeconds }
      const account = byUsername.check(username, nowMs)
      if (account.limited && byAddress.count(address, nowMs) > 0)
        return { ok: false, why: 'limited', retryAfterSeconds: account.retryAfterSeconds }
      // Counted now, synchronously after the checks: a burst sees its own attempts.
      byAddress.hit(address, nowMs)
      byPair.hit(pair, nowMs)
      byUsername.hit(username, nowMs)
      const uncount = () => {
        byAddress.release(address, nowMs)
        byPair.release(pair, nowMs)
        byUsername.release(username, nowMs)
      }
      const slot = slots.acquire()
      if (!slot) {
        // Not checked, so not a failure.
        uncount()
        return { ok: false, why: 'busy', retryAfterSeconds: 1 }
      }
      const free = await slot
      return {
        ok: true,
        attempt: {
          succeeded() {
            free()
            uncount()
            byPair.reset(pair)
          },
          failed: free,
        },
      }
    },
  }
}
