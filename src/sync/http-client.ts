import type { z } from 'zod'
import type { LoginRequest, LoginResponse } from '../api/auth-login.ts'
import { loginResponseSchema } from '../api/auth-login.ts'
import type { LogoutResponse } from '../api/auth-logout.ts'
import { logoutResponseSchema } from '../api/auth-logout.ts'
import { errorBodySchema } from '../api/error.ts'
import type { PublicReportRequest, PublicReportResponse } from '../api/public-report.ts'
import { publicReportResponseSchema } from '../api/public-report.ts'
import type { PullResponse } from '../api/sync-pull.ts'
import { pullResponseSchema } from '../api/sync-pull.ts'
import type { PushRequest, PushResponse } from '../api/sync-push.ts'
import { pushResponseSchema } from '../api/sync-push.ts'
import type { StaffResponse } from '../api/users-staff.ts'
import type { Progress } from './file-transfer.ts'
import type { Fetch, HttpResult } from './http-failure.ts'
import { offline } from './http-failure.ts'
import { canXhr, fetchPutFile, getFile, xhrPutFile } from './file-transfer.ts'
import { staffResponseSchema } from '../api/users-staff.ts'

// The one module in the browser that talks to the server. Every answer is checked against the
// shared api/ schemas; failures come back as values the caller can show, never as thrown errors,
// because "the network is down" is a normal state for this app, not an exception.

export type { Fetch, HttpFailure, HttpResult } from './http-failure.ts'

async function call<T>(
  fetchFn: Fetch,
  path: string,
  schema: z.ZodType<T>,
  init: { method: 'GET' | 'POST'; token?: string | undefined; body?: unknown },
): Promise<HttpResult<T>> {
  let response: Response
  try {
    response = await fetchFn(path, {
      method: init.method,
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
  } catch {
    return offline
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return { ok: false, status: response.status, code: 'bad_response', message: `The server answered ${response.status} without a readable body.` }
  }
  if (!response.ok) {
    const error = errorBodySchema.safeParse(body)
    return error.success
      ? { ok: false, status: response.status, code: error.data.error.code, message: error.data.error.message }
      : { ok: false, status: response.status, code: 'bad_response', message: `The server answered ${response.status}.` }
  }
  const parsed = schema.safeParse(body)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, status: response.status, code: 'bad_response', message: 'The server’s answer was not in the expected form.' }
}

export function createHttpClient(given?: Fetch) {
  const fetchFn: Fetch = given ?? ((...args) => fetch(...args))
  // In the browser, uploads go by XMLHttpRequest for its progress events; a given fetch (tests,
  // the server's own app.request) is used as it is.
  const useXhr = given === undefined && canXhr
  return {
    putFile: (token: string, sha256: string, blob: Blob, onProgress?: Progress) =>
      useXhr ? xhrPutFile(token, sha256, blob, onProgress) : fetchPutFile(fetchFn, token, sha256, blob, onProgress),
    getFile: (token: string, sha256: string) => getFile(fetchFn, token, sha256),
    login: (request: LoginRequest) =>
      call<LoginResponse>(fetchFn, '/api/auth/login', loginResponseSchema, { method: 'POST', body: request }),
    logout: (token: string) =>
      call<LogoutResponse>(fetchFn, '/api/auth/logout', logoutResponseSchema, { method: 'POST', token, body: {} }),
    push: (token: string, request: PushRequest) =>
      call<PushResponse>(fetchFn, '/api/sync/push', pushResponseSchema, { method: 'POST', token, body: request }),
    pull: (token: string, after: number, limit: number) =>
      call<PullResponse>(fetchFn, `/api/sync/pull?after=${after}&limit=${limit}`, pullResponseSchema, { method: 'GET', token }),
    staff: (token: string) =>
      call<StaffResponse>(fetchFn, '/api/users/staff', staffResponseSchema, { method: 'GET', token }),
    publicReport: (request: PublicReportRequest) =>
      call<PublicReportResponse>(fetchFn, '/api/public/reports', publicReportResponseSchema, { method: 'POST', body: request }),
  }
}

export type HttpClient = ReturnType<typeof createHttpClient>
