import type { CapturedFile } from '../../../db/files.ts'
import type { FileRef } from '../../../domain/files.ts'
import { cleanFileName, defaultMaxFileBytes, fileKindOf, fileRefSchema, mediaTypeSchema } from '../../../domain/files.ts'
import { sha256Hex } from '../../../sync/file-hash.ts'
import { photoMetadata } from './photo-metadata.ts'
import { imageThumbnail, videoThumbnail } from './thumbnail.ts'

// A file the officer attached, made ready to save: refused with a plain reason before anything is
// stored when it is empty, too large or not a kind Casebook keeps; else hashed (its name in the
// file protocol), with a preview and, for a photo, its own date and (if allowed) place.

export type Attachment = { ref: FileRef; captured: CapturedFile; previewUrl?: string }
export type CaptureResult = { ok: true; attachment: Attachment } | { ok: false; message: string }

const officeByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  heic: 'image/heic',
}

/** Some browsers give no type for Office files or HEIC photos: the extension says it. */
function typeOf(file: { type: string; name: string }): string {
  if (file.type) return file.type
  const ext = file.name.split('.').pop()?.toLowerCase() ?? ''
  return officeByExtension[ext] ?? ''
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`
}

type Preview = { thumbnail?: string | undefined; durationSeconds?: number | undefined }

async function previewOf(kind: string, file: Blob): Promise<Preview> {
  if (kind === 'image') return { thumbnail: await imageThumbnail(file) }
  if (kind === 'video') return videoThumbnail(file)
  return {}
}

export async function captureFile(
  file: Blob & { name: string },
  options: { keepLocation: boolean; now: string; durationSeconds?: number; recordingId?: string },
): Promise<CaptureResult> {
  const name = cleanFileName(file.name) || 'file'
  const mediaType = mediaTypeSchema.safeParse(typeOf(file))
  if (!mediaType.success) return { ok: false, message: `“${name}” cannot be attached: Casebook keeps photos, videos, audio, PDFs and Office documents.` }
  if (file.size === 0) return { ok: false, message: `“${name}” is empty (0 bytes), so there is nothing to attach.` }
  if (file.size > defaultMaxFileBytes) {
    return { ok: false, message: `“${name}” is ${sizeText(file.size)}: the largest file Casebook keeps is ${sizeText(defaultMaxFileBytes)}.` }
  }
  const kind = fileKindOf(mediaType.data)
  const [sha256, meta, preview] = await Promise.all([
    sha256Hex(file),
    kind === 'image' ? photoMetadata(file, options.keepLocation) : Promise.resolve({} as Awaited<ReturnType<typeof photoMetadata>>),
    previewOf(kind, file),
  ])
  const capturedAt = meta.takenAt ?? options.now
  const durationSeconds = options.durationSeconds ?? preview.durationSeconds
  const ref = fileRefSchema.safeParse({
    sha256,
    size: file.size,
    mediaType: mediaType.data,
    name,
    capturedAt,
    ...(meta.location ? { location: meta.location } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(preview.thumbnail ? { thumbnail: preview.thumbnail } : {}),
  })
  if (!ref.success) return { ok: false, message: `“${name}” cannot be attached: ${ref.error.issues[0]?.message ?? 'it is not a file Casebook can keep.'}` }
  const blob = file.type === mediaType.data ? file : new Blob([file], { type: mediaType.data })
  return {
    ok: true,
    attachment: {
      ref: ref.data,
      captured: { sha256, blob, mediaType: mediaType.data, name, capturedAt, ...(options.recordingId ? { recordingId: options.recordingId } : {}) },
    },
  }
}
