import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { errorResponse } from './error-response.ts'

// Every route with a body has a size limit; beyond it, 413 in the usual error shape.
export const kib = 1024

export function bodySizeLimit(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      errorResponse(
        c,
        413,
        'payload_too_large',
        `The request is too large (at most ${Math.floor(maxBytes / kib)} KB).`,
      ),
  })
}
