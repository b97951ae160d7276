// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { defaultLimits } from '../../src/server/app-env.ts'
import { testDrivers } from './support/test-databases.ts'
import type { TestServer } from './support/test-server.ts'
import { testPassword, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Issue 14, the outside review: guesses sent at once were all checked (the limit was counted
// after the slow password check); behind a reverse proxy everyone shared one address; and anyone
// could lock a known username out. A limit must stop the one guessing, not the one signing in.

const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })
const minutes15 = 15 * 60_000

function login(
  s: TestServer,
  username: string,
  password: string,
  address = '198.51.100.7',
  forwardedFor?: string,
) {
  // app.request answers synchronously for some routes: always a promise here, for Promise.all.
  return Promise.resolve(
    s.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
        body: JSON.stringify({ username, password }),
      },
      fromAddress(address),
    ),
  )
}

const statuses = async (answers: Promise<Response>[]) =>
  (await Promise.all(answers)).map((r) => r.status)
const howMany = (list: number[], status: number) => list.filter((s) => s === status).length

describe.each(testDrivers)('sign-in limits on $name', (driver) => {
  const { storage } = useDatabase(driver)

  describe('a burst of guesses', () => {
    it('counts each guess before checking it: of 100 sent at once, only the allowance is checked', async () => {
      const s = testServer(storage())
      const answers = await statuses(
        Array.from({ length: 100 }, (_, i) => login(s, 'officer1', `guess number ${i}`)),
      )
      const checked = howMany(answers, 401)
      expect(checked).toBeGreaterThan(0)
      expect(checked).toBeLessThanOrEqual(defaultLimits.loginPerAddressAndUsername.max)
      expect(howMany(answers, 429)).toBe(100 - checked)
    }, 60_000)

    it('checks only a few passwords at a time: the rest of a burst gets 429 at once', async () => {
      const s = testServer(storage(), { limits: { loginChecks: { concurrent: 2, queued: 3 } } })
      // From 100 addresses for 100 usernames, so no per-address or per-username limit applies.
      const answers = await statuses(
        Array.from({ length: 100 }, (_, i) => login(s, `user${i}`, 'guess', `203.0.113.${i}`)),
      )
      expect(howMany(answers, 401)).toBeLessThanOrEqual(5)
      expect(howMany(answers, 429)).toBeGreaterThanOrEqual(95)
      const busy = await login(s, 'officer1', testPassword)
      expect(busy.status).toBe(200)
    }, 60_000)
  })

  describe('lockout hurts the one guessing', () => {
    it('after a username’s failure limit, the right password still signs in from an address with no failures', async () => {
      const s = testServer(storage(), {
        limits: { loginPerUsername: { max: 3, windowMs: minutes15 } },
      })
      for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        expect((await login(s, 'officer2', 'guess', address)).status).toBe(401)
      // The addresses that guessed are stopped for this username, even with the right password…
      const blocked = await login(s, 'officer2', testPassword, '10.0.0.1')
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      // …and the officer, from an address that never failed, signs in.
      expect((await login(s, 'officer2', testPassword, '10.0.0.9')).status).toBe(200)
    })

    it('an address that keeps guessing one username is stopped; the others at that address sign in', async () => {
      const s = testServer(storage(), {
        limits: { loginPerAddressAndUsername: { max: 3, windowMs: minutes15 } },
      })
      const office = '192.0.2.50'
      for (let i = 0; i < 3; i++)
        expect((await login(s, 'officer2', 'guess', office)).status).toBe(401)
      expect((await login(s, 'officer2', testPassword, office)).status).toBe(429)
      expect((await login(s, 'officer1', testPassword, office)).status).toBe(200)
      s.clock.now = new Date(s.clock.now.getTime() + minutes15)
      expect((await login(s, 'officer2', testPassword, office)).status).toBe(200)
    })
  })

  describe('behind a reverse proxy', () => {
    const proxy = '10.1.0.5'

    it('ignores X-Forwarded-For unless the proxy is trusted: anyone can send the header', async () => {
      const s = testServer(storage(), {
        limits: { loginPerAddress: { max: 2, windowMs: minutes15 } },
      })
      expect((await login(s, 'officer1', 'guess', proxy, '203.0.113.1')).status).toBe(401)
      expect((await login(s, 'manager1', 'guess', proxy, '203.0.113.2')).status).toBe(401)
      expect((await login(s, 'officer2', testPassword, proxy, '203.0.113.3')).status).toBe(429)
    })

    it('with TRUSTED_PROXIES, limits each client by the right-most address the proxies did not add', async () => {
      const s = testServer(storage(), {
        limits: { loginPerAddress: { max: 2, windowMs: minutes15 } },
        trustedProxies: ['10.1.0.0/16', '2001:db8::/32'],
      })
      const attacker = '203.0.113.66'
      // The attacker's own X-Forwarded-For comes first; the proxies append what they saw.
      for (const spoofed of ['198.51.100.1', '198.51.100.2'])
        expect(
          (await login(s, 'nobody', 'guess', proxy, `${spoofed}, ${attacker}, 10.1.0.9`)).status,
        ).toBe(401)
      expect(
        (await login(s, 'officer1', testPassword, proxy, `198.51.100.3, ${attacker}`)).status,
      ).toBe(429)
      // An officer in the same office, behind the same proxy, is not stopped by it.
      expect((await login(s, 'officer1', testPassword, proxy, '203.0.113.7')).status).toBe(200)
      // A proxy on IPv6 (and an IPv4 peer as IPv6 sockets report it) is trusted the same way.
      expect((await login(s, 'officer1', testPassword, '2001:db8::7', `${attacker}`)).status).toBe(
        429,
      )
      expect(
        (await login(s, 'officer1', testPassword, `::ffff:${proxy}`, `${attacker}`)).status,
      ).toBe(429)
    })

    it('does not take X-Forwarded-For from a peer that is not a trusted proxy', async () => {
      const s = testServer(storage(), {
        limits: { loginPerAddress: { max: 1, windowMs: minutes15 } },
        trustedProxies: ['10.1.0.0/16'],
      })
      expect((await login(s, 'nobody', 'guess', '203.0.113.80', '198.51.100.1')).status).toBe(401)
      expect(
        (await login(s, 'officer1', testPassword, '203.0.113.80', '198.51.100.2')).status,
      ).toBe(429)
    })
  })
})
