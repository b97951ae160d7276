import type { MiddlewareHandler } from 'hono'
import type { Role } from '../../domain/vocabulary.ts'
import type { AppDeps, AppEnv } from '../app-env.ts'
import { errorResponse } from '../http/error-response.ts'
import { findSession } from './sessions.ts'

// `Authorization: Bearer <token>` on every signed-in route. 401 tells the device to sign in
// again (`session_expired` when the session ran out); 403 means signed in but not allowed.

const bearer = /^Bearer ([A-Za-z0-9_-]{20,100})$/

export function requireUser(
  { storage, clock }: AppDeps,
  roles?: readonly Role[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer.exec(c.req.header('authorization') ?? '')?.[1]
    if (!token) return errorResponse(c, 401, 'unauthorized', 'Sign in first.')
    const session = await findSession(storage, token, clock())
    if (session.status === 'expired')
      return errorResponse(c, 401, 'session_expired', 'Your session has ended: sign in again.')
    if (session.status !== 'valid') return errorResponse(c, 401, 'unauthorized', 'Sign in first.')
    if (roles && !roles.includes(session.user.role)) {
      return errorResponse(c, 403, 'forbidden', 'Your role does not give you access to this.')
    }
    c.set('user', session.user)
    c.set('token', token)
    await next()
  }
}
