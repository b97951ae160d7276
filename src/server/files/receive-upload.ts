import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Context } from 'hono'
import type { UploadResponse } from '../../api/files.ts'
import { filePathSchema } from '../../api/files.ts'
import { mediaTypeSchema } from '../../domain/files.ts'
import { errorResponse } from '../http/error-response.ts'
import type { StagedBytes } from './file-bytes.ts'
import type { Uploader } from './file-records.ts'
import { uploaderToken } from './file-records.ts'
import type { FileStore } from './file-store.ts'

// Receives one file's bytes (PUT /api/files/<sha256>, and the complainant's diary link on top of
// it): checked before a byte is read where it can be (name, type, announced length), then streamed
// to the file store while it is hashed and counted, so memory holds a chunk, never the file. The
// bytes become the file only when every byte announced arrived and they hash to the name; any
// other ending (wrong hash, too many or too few bytes, the client gone) discards them.
//
// Bytes are read and checked even when the server already holds the file: answering `held`
// without them would let anyone who learnt a file's hash claim to have uploaded it, and read it.

const mib = 1024 * 1024

export type ReceiveOptions = {
  /** A smaller limit than the store's own (e.g. a complainant's link). */
  maxBytes?: number
  /** When the upload happens (the route's clock). */
  now?: Date
}

type Received = { ok: true; staged: StagedBytes; size: number } | { ok: false; response: Response }

export async function receiveUpload(
  files: FileStore,
  c: Context,
  sha256: string,
  uploader: Uploader,
  options: ReceiveOptions = {},
): Promise<Response> {
  if (!filePathSchema.safeParse(sha256).success)
    return errorResponse(
      c,
      400,
      'invalid_file_name',
      'A file is named by the SHA-256 of its bytes (64 lowercase hex digits).',
    )
  const mediaType = mediaTypeSchema.safeParse(c.req.header('content-type') ?? '')
  if (!mediaType.success)
    return errorResponse(
      c,
      415,
      'unsupported_media_type',
      'This kind of file cannot be attached: send photos, video, audio, PDF, Office or text documents.',
    )
  const maxBytes = Math.min(files.maxFileBytes, options.maxBytes ?? Infinity)
  const lengthHeader = c.req.header('content-length')
  if (lengthHeader === undefined)
    return errorResponse(c, 411, 'length_required', 'Say the size of the file (Content-Length).')
  if (!/^\d{1,16}$/.test(lengthHeader))
    return errorResponse(c, 400, 'invalid_body', 'The Content-Length is not a number of bytes.')
  const declared = Number(lengthHeader)
  if (declared === 0) return errorResponse(c, 400, 'empty_file', 'The file is empty.')
  if (declared > maxBytes) return tooLarge(c, maxBytes)

  const received = await receive(files, c, sha256, declared, maxBytes)
  if (!received.ok) return received.response
  const { staged, size } = received
  const now = (options.now ?? new Date()).toISOString()
  const token = uploaderToken(uploader)
  let kept = false
  try {
    const status = await files.storage.transaction(async (tx) => {
      // Two uploads of one file at once: the second waits here on the first's row, then finds it.
      const inserted = await tx.query(
        `INSERT INTO files (sha256, size, media_type, location, uploaded_by, uploaded_at, last_upload_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
        [sha256, size, mediaType.data, staged.locationFor(sha256), token, now],
      )
      if (inserted.length > 0) {
        await staged.keep(sha256, tx)
        kept = true
      } else {
        // Uploaded again: the orphan clock starts again (orphan-files.ts).
        await tx.query('UPDATE files SET last_upload_at = $2 WHERE sha256 = $1', [sha256, now])
      }
      await tx.query(
        `INSERT INTO file_uploads (sha256, uploader, uploaded_at) VALUES ($1, $2, $3)
         ON CONFLICT (sha256, uploader) DO NOTHING`,
        [sha256, token, now],
      )
      return inserted.length > 0 ? ('stored' as const) : ('held' as const)
    })
    const body: UploadResponse = { sha256, size, status }
    return c.json(body, status === 'stored' ? 201 : 200)
  } finally {
    if (!kept) await staged.discard()
  }
}

type BodyReader = { read(): Promise<IteratorResult<Uint8Array>>; cancel(): Promise<unknown> }

/**
 * The request's body a piece at a time. Under Node (@hono/node-server) the socket's own stream is
 * read directly: the web stream made from it costs a promise and a copy of the queue per piece,
 * which halved an upload's speed on a busy machine. Elsewhere (tests' `app.request`) the
 * Request's web stream.
 */
function bodyReader(c: Context): BodyReader | null {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming
  if (incoming instanceof Readable) {
    const iterator = (incoming as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    return {
      read: () => iterator.next(),
      cancel: async () => iterator.return?.(),
    }
  }
  const body = c.req.raw.body as ReadableStream<Uint8Array> | null
  if (!body) return null
  const reader = body.getReader()
  return {
    read: async () => {
      const next = await reader.read()
      return next.done ? { done: true, value: undefined } : { done: false, value: next.value }
    },
    cancel: () => reader.cancel(),
  }
}

function tooLarge(c: Context, maxBytes: number): Response {
  return errorResponse(
    c,
    413,
    'payload_too_large',
    `The file is too large (at most ${Math.floor(maxBytes / mib)} MB).`,
  )
}

async function receive(
  files: FileStore,
  c: Context,
  sha256: string,
  declared: number,
  maxBytes: number,
): Promise<Received> {
  const reader = bodyReader(c)
  if (!reader)
    return { ok: false, response: errorResponse(c, 400, 'empty_file', 'The file is empty.') }
  const staged = await files.bytes.stage()
  const hash = createHash('sha256')
  let size = 0
  const fail = async (response: Response): Promise<Received> => {
    await reader.cancel().catch(() => undefined)
    await staged.discard()
    return { ok: false, response }
  }
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>
      try {
        next = await reader.read()
      } catch {
        // The connection dropped mid-upload: nothing is kept, and the device sends the file again.
        return await fail(
          errorResponse(
            c,
            400,
            'incomplete_upload',
            'The upload was cut short: send the file again.',
          ),
        )
      }
      if (next.done) break
      const value = next.value
      size += value.length
      if (size > maxBytes) return await fail(tooLarge(c, maxBytes))
      if (size > declared)
        return await fail(
          errorResponse(
            c,
            400,
            'incomplete_upload',
            'More bytes arrived than the Content-Length said.',
          ),
        )
      hash.update(value)
      await staged.write(value)
    }
  } catch (error) {
    // The store failed (a full disk, the database gone): a server error, with nothing kept.
    await reader.cancel().catch(() => undefined)
    await staged.discard().catch(() => undefined)
    throw error
  }
  if (size < declared)
    return fail(
      errorResponse(c, 400, 'incomplete_upload', 'The upload was cut short: send the file again.'),
    )
  if (hash.digest('hex') !== sha256)
    return fail(
      errorResponse(
        c,
        400,
        'hash_mismatch',
        'The bytes do not match the file’s name (its SHA-256): nothing was kept.',
      ),
    )
  return { ok: true, staged, size }
}
