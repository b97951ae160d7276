import type { DiaryEntryRequest } from '../api/public-diary.ts'
import { diaryEntryRequestSchema } from '../api/public-diary.ts'
import { defaultMaxFileBytes, mediaTypeSchema } from '../domain/files.ts'
import type { HeldFile } from './entry-store.ts'

// The form's words → an entry, checked by the very schema the server applies, so a complainant
// hears what is missing while still on the page, not after it was sent.

export const fieldNames = ['happenedAt', 'location', 'who', 'what', 'impact'] as const
export type FieldName = (typeof fieldNames)[number]
export type FormWords = Record<FieldName, string>
export type FormErrors = Partial<Record<FieldName | 'files', string>>

/** Devices' clocks drift a little; a time a few minutes ahead is still "now". */
const skewMs = 5 * 60_000

/** A datetime-local value ("2026-12-05T23:30"), read in the phone's own time zone. */
function instantOf(local: string): string | null {
  const ms = Date.parse(local)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

export function readEntry(
  words: FormWords,
  files: readonly HeldFile[],
  id: string,
  now: Date,
): { ok: true; entry: DiaryEntryRequest } | { ok: false; errors: FormErrors } {
  const happenedAt = instantOf(words.happenedAt)
  const parsed = diaryEntryRequestSchema.safeParse({
    id,
    happenedAt: happenedAt ?? '',
    location: words.location,
    who: words.who,
    what: words.what,
    impact: words.impact,
    ...(files.length > 0
      ? { files: files.map((f) => ({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, name: f.name })) }
      : {}),
  })
  const errors: FormErrors = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0]
      const field = (fieldNames as readonly unknown[]).includes(key) ? (key as FieldName) : 'files'
      errors[field] ??= issue.message
    }
  }
  if (!happenedAt) errors.happenedAt = 'Say when it happened.'
  else if (Date.parse(happenedAt) > now.getTime() + skewMs) errors.happenedAt = 'When it happened cannot be in the future.'
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, entry: parsed.data }
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A photo, video or recording chosen on the phone, named by its SHA-256; or why it cannot be added. */
export async function holdFile(file: File): Promise<{ ok: true; file: HeldFile } | { ok: false; message: string }> {
  const type = mediaTypeSchema.safeParse(file.type || 'application/octet-stream')
  if (!type.success) return { ok: false, message: `${file.name}: this kind of file cannot be added.` }
  if (file.size === 0) return { ok: false, message: `${file.name}: the file is empty.` }
  if (file.size > defaultMaxFileBytes) return { ok: false, message: `${file.name}: the file is too large.` }
  return {
    ok: true,
    file: { sha256: await sha256Hex(file), name: file.name || 'file', mediaType: type.data, size: file.size, blob: file },
  }
}
