import type { Sql } from '../storage/storage.ts'

// The SQL of the audience_changes table: the events after which a different set of people could
// see their matter (see migrations/003-audience-changes.sql and pull-events.ts). Rows are
// written with their events, in the same transaction.

export type AudienceChange = {
  matterId: string
  seq: number
  audienceBefore: readonly string[]
  audienceAfter: readonly string[]
}

/** Audiences are built in one order (visibility.ts), so equal sets are equal arrays. */
export function changesAudience(before: readonly string[], after: readonly string[]): boolean {
  return before.length !== after.length || before.some((token, i) => token !== after[i])
}

// One statement, one JSON parameter, as for events (see event-rows.ts).
const insertSql = `
  INSERT INTO audience_changes (matter_id, seq, audience_before, audience_after)
  SELECT matter_id, seq, audience_before, audience_after
    FROM jsonb_to_recordset($1::jsonb) AS r(
      matter_id uuid, seq bigint, audience_before text[], audience_after text[])`

export async function insertAudienceChanges(
  sql: Sql,
  changes: readonly AudienceChange[],
): Promise<void> {
  if (changes.length === 0) return
  const rows = changes.map((c) => ({
    matter_id: c.matterId,
    seq: c.seq,
    audience_before: c.audienceBefore,
    audience_after: c.audienceAfter,
  }))
  await sql.query(insertSql, [JSON.stringify(rows)])
}
