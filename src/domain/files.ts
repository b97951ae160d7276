import { z } from 'zod'
import { instantSchema, isStorableText, unstorableMessage } from './primitives.ts'

// Evidence files (DESIGN.md "Evidence files"): a file is named by the SHA-256 of its bytes. Events
// reference files by that name with size, media type and original name; the bytes never travel
// inside events. The same shapes are checked on the device, on the server and in the complainant's
// diary app.

/** A file's name: the SHA-256 of its bytes, lowercase hex. */
export const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { error: 'Not a SHA-256 file name.' })

/** The largest file a device or the server keeps by default (a long video from a phone). */
export const defaultMaxFileBytes = 200 * 1024 * 1024

// The kinds of file an officer or a complainant can attach: photos, video, audio and documents
// (PDF, Office, text). Anything else is refused with a reason, on the device and on the server.
export const acceptedMediaTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/gif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/3gpp',
  'audio/webm',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/wav',
  'audio/x-wav',
  'audio/3gpp',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
  'text/plain',
] as const
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number]

/**
 * A media type as browsers report it ("audio/webm;codecs=opus"), reduced to its essence and
 * checked against the accepted list.
 */
export const mediaTypeSchema = z
  .string()
  .max(200)
  .transform((value) => value.split(';')[0]!.trim().toLowerCase())
  .pipe(z.enum(acceptedMediaTypes, { error: 'This kind of file cannot be attached.' }))

export type FileKind = 'image' | 'video' | 'audio' | 'document'
export function fileKindOf(mediaType: string): FileKind {
  if (mediaType.startsWith('image/')) return 'image'
  if (mediaType.startsWith('video/')) return 'video'
  if (mediaType.startsWith('audio/')) return 'audio'
  return 'document'
}

/**
 * A file's original name as shown to people: any folder path is dropped ("C:\\photos\\a.jpg" and
 * "../../a.jpg" become "a.jpg"), control characters are removed, and the name is kept to 200
 * characters, keeping its extension.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (printable.length <= 200) return printable
  const dot = printable.lastIndexOf('.')
  const ext = dot > 0 && printable.length - dot <= 10 ? printable.slice(dot) : ''
  // Cut by code units, but never between the two halves of an emoji (the database refuses half).
  return printable.slice(0, 200 - ext.length).replace(/[\uD800-\uDBFF]$/, '') + ext
}

export const fileNameSchema = z
  .string()
  .max(10_000, { error: 'The file name is too long.' })
  .transform(cleanFileName)
  .pipe(
    z
      .string()
      .min(1, { error: 'The file needs a name.' })
      .refine(isStorableText, { error: unstorableMessage('The file name') }),
  )

/** A small preview made at capture (images and video), as a data URL, that travels with the event. */
export const thumbnailSchema = z
  .string()
  .max(40_000, { error: 'The preview is too large.' })
  .regex(/^data:image\/(jpeg|webp|png);base64,[A-Za-z0-9+/=]+$/, { error: 'Not an image preview.' })

export const fileRefSchema = z.object({
  sha256: sha256Schema,
  size: z
    .number()
    .int()
    .min(1, { error: 'The file is empty.' })
    .max(defaultMaxFileBytes, { error: 'The file is too large.' }),
  mediaType: mediaTypeSchema,
  name: fileNameSchema,
  /** When the file was made: the photo's own date (EXIF) where it has one, else when it was captured. */
  capturedAt: instantSchema.optional(),
  /** Where a photo was taken, only when the officer allowed it to be kept. */
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  /** Length of a recording or video, in seconds. */
  durationSeconds: z.number().min(0).max(86_400).optional(),
  thumbnail: thumbnailSchema.optional(),
})
export type FileRef = z.infer<typeof fileRefSchema>

/** The files attached to an entry: several at once, each at most once. */
export const attachedFilesSchema = z
  .array(fileRefSchema)
  .max(50, { error: 'Attach at most 50 files to one entry.' })
  .refine((files) => new Set(files.map((f) => f.sha256)).size === files.length, {
    error: 'The same file is attached twice.',
  })

/** Every file an event references (the server holds each before it accepts the event). */
export function filesOf(payload: unknown): FileRef[] {
  const files = (payload as { files?: FileRef[] } | null)?.files
  return Array.isArray(files) ? files : []
}
