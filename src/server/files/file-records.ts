import type { Actor } from '../../domain/guard-context.ts'
import type { Sql } from '../storage/storage.ts'
import { viewerTokens } from '../sync/visibility.ts'

// The SQL of what the server knows about files (migration 006): which it holds, who uploaded
// them, which matters' events reference them. The bytes are elsewhere (file-bytes.ts).

/** Who sends a file: a signed-in person, or a complainant through their diary link. */
export type Uploader = { userId: string } | { diaryLinkId: string }

export function uploaderToken(uploader: Uploader): string {
  return 'userId' in uploader ? `user:${uploader.userId}` : `diary-link:${uploader.diaryLinkId}`
}

export type FileRow = {
  sha256: string
  size: number
  mediaType: string
  location: string
}

export async function findFile(sql: Sql, sha256: string): Promise<FileRow | null> {
  const [row] = await sql.query<{
    sha256: string
    size: string | number
    media_type: string
    location: string
  }>('SELECT sha256, size, media_type, location FROM files WHERE sha256 = $1', [sha256])
  return row
    ? {
        sha256: row.sha256,
        size: Number(row.size),
        mediaType: row.media_type,
        location: row.location,
      }
    : null
}

/**
 * Who may have a file: everyone who sees every matter; whoever uploaded it (they proved they have
 * the bytes); and whoever may see a matter one of whose accepted events references it, by the
 * same audience rule as the matters themselves (sync/visibility.ts).
 */
export type FileViewer = { actor: Actor; uploaders?: readonly Uploader[] }

/**
 * The files among `sha256s` that the server holds and `viewer` may have. With `lock`, the rows
 * are locked until the transaction ends, so the orphan sweep cannot remove them meanwhile.
 */
export async function filesHeldFor(
  sql: Sql,
  viewer: FileViewer,
  sha256s: readonly string[],
  { lock = false } = {},
): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set()
  const tokens = viewerTokens(viewer.actor)
  const uploaders = [
    ...(viewer.actor.role === 'public' || viewer.actor.role === 'system'
      ? []
      : [uploaderToken({ userId: viewer.actor.id })]),
    ...(viewer.uploaders ?? []).map(uploaderToken),
  ]
  const rows = await sql.query<{ sha256: string }>(
    `SELECT f.sha256 FROM files f
      WHERE f.sha256 = ANY($1::text[])
        AND ($2::boolean
          OR EXISTS (SELECT 1 FROM file_uploads u WHERE u.sha256 = f.sha256 AND u.uploader = ANY($3::text[]))
          OR EXISTS (SELECT 1 FROM file_refs r JOIN matters m ON m.id = r.matter_id
                      WHERE r.sha256 = f.sha256 AND m.audience && $4::text[]))
      ${lock ? 'FOR KEY SHARE OF f' : ''}`,
    [sha256s, tokens === 'all', uploaders, tokens === 'all' ? [] : tokens],
  )
  return new Set(rows.map((r) => r.sha256))
}

export type FileRefInsert = { sha256: string; matterId: string; eventId: string }

export async function insertFileRefs(sql: Sql, refs: readonly FileRefInsert[]): Promise<void> {
  if (refs.length === 0) return
  await sql.query(
    `INSERT INTO file_refs (sha256, matter_id, event_id)
     SELECT sha256, matter_id, event_id FROM jsonb_to_recordset($1::jsonb)
         AS r(sha256 text, matter_id uuid, event_id uuid)
     ON CONFLICT DO NOTHING`,
    [
      JSON.stringify(
        refs.map((r) => ({ sha256: r.sha256, matter_id: r.matterId, event_id: r.eventId })),
      ),
    ],
  )
}
