import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { ErrorBody, ErrorCode, Issue } from '../../api/error.ts'

// Every error leaves the server in the shape of api/error.ts, with a code the client can act on.

export function errorBody(code: ErrorCode, message: string, issues?: Issue[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } }
}

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  issues?: Issue[],
): Response {
  return c.json(errorBody(code, message, issues), status)
}

/** zod's issues as the wire's: where, and what is wrong, without echoing the value sent. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 50).map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }))
}
