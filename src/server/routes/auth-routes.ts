import { Hono } from 'hono'
import type { LoginResponse } from '../../api/auth-login.ts'
import { loginFailedMessage, loginRequestSchema } from '../../api/auth-login.ts'
import type { LogoutResponse } from '../../api/auth-logout.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { decoyHash, verifyPassword } from '../auth/password.ts'
import { requireUser } from '../auth/require-user.ts'
import { createSession, deleteSession } from '../auth/sessions.ts'
import { findUserByUsername } from '../auth/users.ts'
import { bodySizeLimit, kib } from '../http/body-size-limit.ts'
import { clientAddress } from '../http/client-address.ts'
import { errorResponse } from '../http/error-response.ts'
import { rateLimiter } from '../http/rate-limit.ts'
import { readJson } from '../http/read-json.ts'

// POST /api/auth/login and /api/auth/logout. Failed sign-ins are limited per address and per
// username; an unknown username gets the same answer, after the same work, as a wrong password.

export function authRoutes(deps: AppDeps) {
  const { storage, clock, log } = deps
  const byAddress = rateLimiter(deps.limits.loginPerAddress)
  const byUsername = rateLimiter(deps.limits.loginPerUsername)
  const routes = new Hono<AppEnv>()

  routes.post('/login', bodySizeLimit(4 * kib), async (c) => {
    const body = await readJson(c, loginRequestSchema)
    if (!body.ok) return body.response
    const { username, password } = body.value
    const nowMs = clock().getTime()
    const address = clientAddress(c)
    const limited = [byAddress.check(address, nowMs), byUsername.check(username, nowMs)].find(
      (l) => l.limited,
    )
    if (limited?.limited) {
      log({ level: 'warn', msg: 'sign-in rate limited' })
      c.header('Retry-After', String(limited.retryAfterSeconds))
      return errorResponse(
        c,
        429,
        'rate_limited',
        'Too many attempts to sign in. Wait a few minutes and try again.',
      )
    }
    const user = await findUserByUsername(storage, username)
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
    if (!user || !valid) {
      byAddress.hit(address, nowMs)
      byUsername.hit(username, nowMs)
      return errorResponse(c, 401, 'unauthorized', loginFailedMessage)
    }
    byUsername.reset(username)
    const session = await createSession(storage, user.id, clock())
    const response: LoginResponse = {
      token: session.token,
      user: { id: user.id, name: user.name, role: user.role },
      expiresAt: session.expiresAt,
    }
    return c.json(response)
  })

  routes.post('/logout', bodySizeLimit(kib), requireUser(deps), async (c) => {
    await deleteSession(storage, c.get('token'))
    const response: LogoutResponse = { ok: true }
    return c.json(response)
  })

  return routes
}
