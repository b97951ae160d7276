import { z } from 'zod'
import { sha256Schema } from '../domain/files.ts'

// PUT and GET /api/files/<sha256> (DESIGN.md "Evidence files", file protocol version 1).
//
// PUT sends the raw bytes with `Content-Type` (one of the accepted media types) and
// `Content-Length`. The answer is 201 `stored` the first time, 200 `held` when the server already
// had the file, or an error (api/error.ts): 400 `invalid_file_name` (not a SHA-256),
// `empty_file`, `incomplete_upload` (fewer or more bytes than announced), `hash_mismatch`; 401;
// 411 `length_required`; 413 `payload_too_large`; 415 `unsupported_media_type`. Nothing is kept
// after an error.
//
// GET answers the bytes (200, or 206 for a `Range: bytes=…` request, 416 for a range past the
// end) to someone who may see a matter that references the file or who uploaded it; anyone else
// gets 404 `not_found`, the same as for a file the server does not hold.

export const filePathSchema = sha256Schema

export const uploadStatuses = ['stored', 'held'] as const

export const uploadResponseSchema = z.object({
  sha256: sha256Schema,
  size: z.int().positive(),
  status: z.enum(uploadStatuses),
})
export type UploadResponse = z.infer<typeof uploadResponseSchema>
