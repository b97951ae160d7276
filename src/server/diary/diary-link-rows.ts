import type { SentEntry } from '../../api/public-diary.ts'
import { diaryLinkActorId } from '../../domain/diary-links.ts'
import type { DomainEvent, EventOf } from '../../domain/events.ts'
import type { Sql } from '../storage/storage.ts'

// The SQL of private diary links (migrations/008). Links are written by the event log in the
// transaction that accepts the event issuing or revoking them, so the table never disagrees with
// the matter's events. Only the SHA-256 of a token is kept or compared.

export type LinkChange =
  | { kind: 'issued'; linkId: string; matterId: string; tokenHash: string; partyId: string | null; at: string }
  | { kind: 'revoked'; linkId: string; at: string }

/** What an accepted event changes about the matter's links, if anything. */
export function linkChangeOf(event: DomainEvent, receivedAt: string): LinkChange | null {
  if (event.type === 'diarySheetsIssued' && event.payload.link) {
    const { linkId, tokenHash, partyId } = event.payload.link
    return { kind: 'issued', linkId, matterId: event.matterId, tokenHash, partyId: partyId ?? null, at: receivedAt }
  }
  if (event.type === 'diaryLinkRevoked') return { kind: 'revoked', linkId: event.payload.linkId, at: receivedAt }
  return null
}

/** In the order accepted: a link issued and revoked in one push ends revoked. */
export async function saveLinkChanges(sql: Sql, changes: readonly LinkChange[]): Promise<void> {
  for (const change of changes) {
    if (change.kind === 'issued') {
      await sql.query(
        `INSERT INTO diary_links (link_id, matter_id, token_hash, party_id, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [change.linkId, change.matterId, change.tokenHash, change.partyId, change.at],
      )
    } else {
      await sql.query('UPDATE diary_links SET revoked_at = $2 WHERE link_id = $1 AND revoked_at IS NULL', [
        change.linkId,
        change.at,
      ])
    }
  }
}

export type LiveLink = { linkId: string; matterId: string }

/**
 * The link a token's hash opens, or null. One query whatever the reason a link does not work
 * (unknown, revoked, expired, its matter closed), so every "no" costs the same time.
 */
export async function findLiveLink(sql: Sql, tokenHash: string, now: string): Promise<LiveLink | null> {
  const [row] = await sql.query<{ link_id: string; matter_id: string }>(
    `SELECT l.link_id, l.matter_id FROM diary_links l JOIN matters m ON m.id = l.matter_id
      WHERE l.token_hash = $1 AND l.revoked_at IS NULL
        AND (l.expires_at IS NULL OR l.expires_at > $2) AND m.phase <> 'closed'`,
    [tokenHash, now],
  )
  return row ? { linkId: row.link_id, matterId: row.matter_id } : null
}

/** Only the entries sent from this very link: the page shows nothing else of the matter. */
export async function entriesSentFrom(sql: Sql, link: LiveLink): Promise<SentEntry[]> {
  const rows = await sql.query<{ body: EventOf<'diaryEntryRecorded'>; received_at: string | Date }>(
    `SELECT body, received_at FROM events
      WHERE matter_id = $1 AND actor_id = $2 AND type = 'diaryEntryRecorded' ORDER BY seq`,
    [link.matterId, diaryLinkActorId(link.linkId)],
  )
  return rows.map(({ body, received_at }) => {
    const { happenedAt, location, who, what, impact, files } = body.payload
    const sentAt = new Date(received_at).toISOString()
    return { id: body.id, happenedAt, location, who, what, impact, ...(files ? { files } : {}), sentAt }
  })
}

/** Counts what a link sent today (UTC day), for the per-link daily limits. */
export async function addUsage(sql: Sql, linkId: string, day: string, entries: number, bytes: number): Promise<void> {
  await sql.query(
    `INSERT INTO diary_link_usage (link_id, day, entries, bytes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (link_id, day) DO UPDATE
       SET entries = diary_link_usage.entries + $3, bytes = diary_link_usage.bytes + $4`,
    [linkId, day, entries, bytes],
  )
}

export async function usageOn(sql: Sql, linkId: string, day: string): Promise<{ entries: number; bytes: number }> {
  const [row] = await sql.query<{ entries: number | string; bytes: number | string }>(
    'SELECT entries, bytes FROM diary_link_usage WHERE link_id = $1 AND day = $2',
    [linkId, day],
  )
  return { entries: Number(row?.entries ?? 0), bytes: Number(row?.bytes ?? 0) }
}
