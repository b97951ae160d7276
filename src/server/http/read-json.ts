import type { Context } from 'hono'
import type { z } from 'zod'
import { errorResponse, issuesOf } from './error-response.ts'

// The body of a JSON request, checked against its api/ schema; or the 4xx response to send.
// Requiring the JSON content type also means a cross-site HTML form cannot post here: browsers
// only send application/json cross-origin after a CORS preflight, which this server never allows.

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response }

export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<BodyResult<z.output<S>>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: errorResponse(
        c,
        415,
        'unsupported_media_type',
        'Send the request as application/json.',
      ),
    }
  }
  let json: unknown
  try {
    json = JSON.parse(await c.req.text())
  } catch {
    return {
      ok: false,
      response: errorResponse(c, 400, 'invalid_json', 'The request body is not valid JSON.'),
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      response: errorResponse(
        c,
        400,
        'invalid_body',
        'The request is not in the expected shape.',
        issuesOf(parsed.error),
      ),
    }
  }
  return { ok: true, value: parsed.data }
}
