import type { Context } from 'hono'
import { filePathSchema } from '../../api/files.ts'
import type { Actor } from '../../domain/guard-context.ts'
import { errorResponse } from '../http/error-response.ts'
import { parseByteRange } from './byte-range.ts'
import type { FileViewer } from './file-records.ts'
import { filesHeldFor, findFile } from './file-records.ts'
import type { FileStore } from './file-store.ts'

// GET /api/files/<sha256>: the bytes, streamed from the file store a piece at a time, with Range
// for players that seek. Only to someone who may have the file (file-records.ts `filesHeldFor`);
// to anyone else the same 404 as for a file the server does not hold, so a hash tells nothing.

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/3gpp': '3gp',
  'audio/webm': 'weba',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
}

/**
 * A name made from the hash, never from what someone typed: the original name lives in the
 * event (cleaned by its schema) and the device shows it; a header carries nothing to escape.
 */
export function safeDownloadName(sha256: string, mediaType: string): string {
  return `evidence-${sha256.slice(0, 12)}.${extensions[mediaType] ?? 'bin'}`
}

function streamOf(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      async cancel() {
        await iterator.return?.()
      },
      // Nothing is read before the response is: a HEAD request, or a client gone, opens nothing.
    },
    { highWaterMark: 0 },
  )
}

export async function sendFile(
  files: FileStore,
  c: Context,
  sha256: string,
  viewer: Actor | FileViewer,
): Promise<Response> {
  const notFound = () =>
    errorResponse(c, 404, 'not_found', 'There is no such file, or it is not yours to see.')
  if (!filePathSchema.safeParse(sha256).success)
    return errorResponse(
      c,
      400,
      'invalid_file_name',
      'A file is named by the SHA-256 of its bytes (64 lowercase hex digits).',
    )
  const who = 'actor' in viewer ? viewer : { actor: viewer }
  const allowed = await filesHeldFor(files.storage, who, [sha256])
  if (!allowed.has(sha256)) return notFound()
  const file = await findFile(files.storage, sha256)
  if (!file) return notFound()

  const headers: Record<string, string> = {
    'Content-Type': file.mediaType,
    'Cache-Control': 'private',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `inline; filename="${safeDownloadName(sha256, file.mediaType)}"`,
    'Accept-Ranges': 'bytes',
    ETag: `"${sha256}"`,
  }
  const range = parseByteRange(c.req.header('range'), file.size)
  if (range.kind === 'unsatisfiable') {
    c.header('Content-Range', `bytes */${file.size}`)
    return errorResponse(c, 416, 'range_not_satisfiable', 'That part of the file is past its end.')
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, file.size - 1]
  headers['Content-Length'] = String(end - start + 1)
  if (range.kind === 'part') headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`
  const status = range.kind === 'part' ? 206 : 200
  if (c.req.method === 'HEAD') return c.body(null, status, headers)
  return c.body(streamOf(files.bytes.read(file.location, start, end)), status, headers)
}
