// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { LoginResponse } from '../../src/api/auth-login.ts'
import { loginFailedMessage } from '../../src/api/auth-login.ts'
import { testDrivers } from './support/test-databases.ts'
import { createUser } from '../../src/server/auth/users.ts'
import { countRows, people, testPassword, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

describe.each(testDrivers)('sign-in on $name', (driver) => {
  const { storage } = useDatabase(driver)

  const login = (
    s: ReturnType<typeof testServer>,
    username: string,
    password: string,
    address = '198.51.100.7',
  ) =>
    s.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      },
      fromAddress(address),
    )

  it('signs in with the right password and gives a token that works for 12 hours', async () => {
    const s = testServer(storage())
    const res = await login(s, 'Officer1', testPassword)
    expect(res.status).toBe(200)
    const body = (await res.json()) as LoginResponse
    expect(body.user).toEqual({
      id: people.officer1.id,
      name: people.officer1.name,
      role: 'officer',
    })
    expect(body.expiresAt).toBe('2026-11-26T00:00:00.000Z')
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await s.app.request('/api/sync/pull', { headers: s.auth(body.token) })).status).toBe(
      200,
    )
  })

  it('keeps only a hash of the token', async () => {
    const s = testServer(storage())
    const { token } = (await (await login(s, 'officer1', testPassword)).json()) as LoginResponse
    const rows = await storage().query<{ token_hash: string }>('SELECT token_hash FROM sessions')
    expect(rows).toHaveLength(1)
    expect(rows[0]?.token_hash).not.toContain(token)
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers a wrong password and an unknown username with the same words', async () => {
    const s = testServer(storage())
    const wrong = await login(s, 'officer1', 'not the password')
    const unknown = await login(s, 'nobody', testPassword)
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const expected = { error: { code: 'unauthorized', message: loginFailedMessage } }
    expect(await wrong.json()).toEqual(expected)
    expect(await unknown.json()).toEqual(expected)
  })

  // Per username and per address+username: login-limits.test.ts (a known username cannot be
  // locked out).
  it('limits failed sign-ins per address across usernames', async () => {
    const s = testServer(storage(), {
      limits: { loginPerAddress: { max: 2, windowMs: 15 * 60_000 } },
    })
    expect((await login(s, 'officer1', 'guess', '192.0.2.9')).status).toBe(401)
    expect((await login(s, 'manager1', 'guess', '192.0.2.9')).status).toBe(401)
    expect((await login(s, 'officer2', testPassword, '192.0.2.9')).status).toBe(429)
    expect((await login(s, 'officer2', testPassword, '192.0.2.10')).status).toBe(200)
  })

  it('refuses an expired token with session_expired', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    s.clock.now = new Date(s.clock.now.getTime() + 12 * 60 * 60_000)
    const res = await s.app.request('/api/sync/pull', { headers: s.auth(token) })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'session_expired' } })
  })

  it('refuses a request with no token, or a token it never issued', async () => {
    const s = testServer(storage())
    expect((await s.app.request('/api/sync/pull')).status).toBe(401)
    const res = await s.app.request('/api/sync/pull', { headers: s.auth('x'.repeat(43)) })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })

  it('ends the session on logout', async () => {
    const s = testServer(storage())
    const token = await s.signIn('manager1')
    const out = await s.app.request('/api/auth/logout', { method: 'POST', headers: s.auth(token) })
    expect(out.status).toBe(200)
    expect(await out.json()).toEqual({ ok: true })
    expect(await countRows(storage(), 'sessions')).toBe(0)
    expect((await s.app.request('/api/sync/pull', { headers: s.auth(token) })).status).toBe(401)
  })

  it('logs sign-ins without usernames, passwords or tokens', async () => {
    const s = testServer(storage())
    const { token } = (await (await login(s, 'officer1', testPassword)).json()) as LoginResponse
    await login(s, 'officer1', 'a wrong guess')
    const logged = JSON.stringify(s.logs)
    for (const secret of ['officer1', testPassword, 'a wrong guess', token])
      expect(logged).not.toContain(secret)
    expect(s.logs).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        method: 'POST',
        route: '/api/auth/login',
        status: 200,
      }),
    )
  })

  it('refuses a second user with the same username, whatever its case, and a short password', async () => {
    const now = new Date()
    expect(
      await createUser(
        storage(),
        { username: 'OFFICER1', name: 'Someone Else', role: 'officer', password: testPassword },
        now,
      ),
    ).toMatchObject({
      ok: false,
      code: 'duplicate',
    })
    expect(
      await createUser(
        storage(),
        { username: 'newperson', name: 'New Person', role: 'officer', password: 'short' },
        now,
      ),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
    })
  })
})
