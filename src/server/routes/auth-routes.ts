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
import { loginThrottle } from '../auth/login-throttle.ts'
import { clientAddress } from '../http/client-address.ts'
import { errorResponse } from '../http/error-response.ts'
import { trustedProxies } from '../http/trusted-proxies.ts'
import { readJson } from '../http/read-json.ts'

// POST /api/auth/login and /api/auth/logout. Who may have a password checked is decided by
// login-throttle.ts; an unknown username gets the same answer, after the same work, as a wrong
// password.

export function authRoutes(deps: AppDeps) {
  const { storage, clock, log } = deps
  const throttle = loginThrottle(deps.limits)
  const proxies = trustedProxies(deps.trustedProxies ?? [])
  const routes = new Hono<AppEnv>()

  routes.post('/login', bodySizeLimit(4 * kib), async (c) => {
    const body = await readJson(c, loginRequestSchema)
    if (!body.ok) return body.response
    const { username, password } = body.value
    const admitted = await throttle.admit(clientAddress(c, proxies), username, clock().getTime())
    if (!admitted.ok) {
      log({ level: 'warn', msg: admitted.why === 'busy' ? 'sign-in busy' : 'sign-in rate limited' })
      c.header('Retry-After', String(admitted.retryAfterSeconds))
      return errorResponse(
        c,
        429,
        'rate_limited',
        admitted.why === 'busy'
          ? 'Many people are signing in at once. Try again in a moment.'
          : 'Too many attempts to sign in. Wait a few minutes and try again.',
      )
    }
    const { attempt } = admitted
    let user: Awaited<ReturnType<typeof findUserByUsername>>
    let valid: boolean
    try {
      user = await findUserByUsername(storage, username)
      valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
    } catch (error) {
      attempt.failed()
      throw error
    }
    if (!user || !valid) {
      attempt.failed()
      return errorResponse(c, 401, 'unauthorized', loginFailedMessage)
    }
    attempt.succeeded()
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
