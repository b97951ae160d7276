import type { SessionUser } from '../api/auth-login.ts'
import type { FileStore } from './files/file-store.ts'
import type { CouncilContact } from '../api/public-diary.ts'
import type { LoginLimits } from './auth/login-throttle.ts'
import type { RateLimit } from './http/rate-limit.ts'
import type { Log } from './logging/log.ts'
import type { Storage } from './storage/storage.ts'

// What every route is given: the storage, the log, the clock (tests freeze it), and limits.

export type Limits = LoginLimits & {
  publicReportsPerAddress: RateLimit
  /** The complainant's diary link: every request from one address, and from one link. */
  diaryPerAddress: RateLimit
  diaryPerLink: RateLimit
  /** Entries one link may send in a day (a diary, not a flood). */
  diaryEntriesPerLinkPerDay: number
}

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
  // A phone back online sends its saved entries at once and reads the page again; guessing a
  // 256-bit token needs far more than this allows.
  diaryPerAddress: { max: 60, windowMs: minutes(10) },
  diaryPerLink: { max: 60, windowMs: minutes(10) },
  diaryEntriesPerLinkPerDay: 50,
}

/** Shown on the complainant's diary page when the council has not configured its own. */
export const defaultCouncilContact: CouncilContact = { name: 'The Community Safety team' }

export type AppDeps = {
  storage: Storage
  log: Log
  clock: () => Date
  limits: Limits
  /** Evidence files: their records and bytes (files/file-store.ts). */
  files: FileStore
  /** The council's contact details, shown on the complainant's diary page. */
  council?: CouncilContact
  /** The built app (vite's dist/); no static serving when absent. */
  distDir?: string
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the client (http/client-address.ts). */
  trustedProxies?: readonly string[] | undefined
}

/** Hono's typed context: what the auth middleware puts on a request. */
export type AppEnv = { Variables: { user: SessionUser; token: string } }
