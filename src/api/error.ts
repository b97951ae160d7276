import { z } from 'zod'

// The one shape of every error the server returns, so the client shows a reason instead of a
// status number. `code` is for code; `message` is a sentence a person can read.

export const errorCodes = [
  'invalid_json',
  'invalid_body',
  'invalid_query',
  'unsupported_media_type',
  'unauthorized',
  'session_expired',
  'forbidden',
  'not_found',
  'payload_too_large',
  // An id already used for something else (the complainant's diary: an entry id taken).
  'conflict',
  // The domain's rules refused what was sent; the message says why in plain words.
  'refused',
  'rate_limited',
  'internal',
  'unavailable',
  // Evidence files (api/files.ts).
  'invalid_file_name',
  'length_required',
  'empty_file',
  'incomplete_upload',
  'hash_mismatch',
  'range_not_satisfiable',
] as const
export const errorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
})
export type Issue = z.infer<typeof issueSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    issues: z.array(issueSchema).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
