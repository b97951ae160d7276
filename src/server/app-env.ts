import type { SessionUser } from '../api/auth-login.ts'
import type { FileStore } from './files/file-store.ts'
import type { LoginLimits } from './auth/login-throttle.ts'
import type { RateLimit } from './http/rate-limit.ts'
import type { Log } from './logging/log.ts'
import type { Storage } from './storage/storage.ts'

// What every route is given: the storage, the log, the clock (tests freeze it), and limits.

export type Limits = LoginLimits & { publicReportsPerAddress: RateLimit }

const minutes = (n: number) => n * 60_000

export const defaultLimits: Limits = {
  // Failed sign-ins only, so a council office behind one address can still start its day
  // (login-throttle.ts says who each limit stops).
  loginPerAddress: { max: 30, windowMs: minutes(15) },
  loginPerAddressAndUsername: { max: 5, windowMs: minutes(15) },
  loginPerUsername: { max: 10, windowMs: minutes(15) },
  // Two scrypt checks at a time (the machine this runs on may have two cores), eight waiting.
  loginChecks: { concurrent: 2, queued: 8 },
  publicReportsPerAddress: { max: 5, windowMs: minutes(10) },
}

export type AppDeps = {
  storage: Storage
  log: Log
  clock: () => Date
  limits: Limits
  /** Evidence files: their records and bytes (files/file-store.ts). */
  files: FileStore
  /** The built app (vite's dist/); no static serving when absent. */
  distDir?: string
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the client (http/client-address.ts). */
  trustedProxies?: readonly string[] | undefined
}

/** Hono's typed context: what the auth middleware puts on a request. */
export type AppEnv = { Variables: { user: SessionUser; token: string } }
