import type { DomainEvent } from '../../domain/events.ts'
import { receivedAtText } from '../chain/chain-links.ts'
import type { Sql } from '../storage/storage.ts'

// The SQL of the events table. A stored event's body is exactly the event as accepted.

export type StoredEvent = { seq: number; event: DomainEvent }

/** A stored event with what a pull sends beside it: when it arrived, and its chain link. */
export type ChainedStoredEvent = StoredEvent & { receivedAt: string; hash: string | null }

type EventRow = { id: string; seq: number | string; body: DomainEvent }

const toStored = (row: EventRow): StoredEvent => ({ seq: Number(row.seq), event: row.body })

export async function findStoredEvents(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, StoredEvent>> {
  if (ids.length === 0) return new Map()
  const rows = await sql.query<EventRow>(
    'SELECT id, seq, body FROM events WHERE id = ANY($1::uuid[])',
    [ids],
  )
  return new Map(rows.map((r) => [r.id, toStored(r)]))
}

/** A matter's events in the server's order, up to (not including) `beforeSeq` when given. */
export async function matterEvents(
  sql: Sql,
  matterId: string,
  beforeSeq?: number,
): Promise<StoredEvent[]> {
  const rows = await sql.query<EventRow>(
    'SELECT id, seq, body FROM events WHERE matter_id = $1 AND seq < $2 ORDER BY seq',
    [matterId, beforeSeq ?? Number.MAX_SAFE_INTEGER],
  )
  return rows.map(toStored)
}

/** As `matterEvents`, with each event's arrival time and link (a pull's history, pull-events.ts). */
export async function matterHistory(
  sql: Sql,
  matterId: string,
  beforeSeq: number,
): Promise<ChainedStoredEvent[]> {
  const rows = await sql.query<EventRow & { received_at: string; hash: string | null }>(
    `SELECT id, seq, body, ${receivedAtText('received_at')} AS received_at, hash FROM events
      WHERE matter_id = $1 AND seq < $2 ORDER BY seq`,
    [matterId, beforeSeq],
  )
  return rows.map((r) => ({ ...toStored(r), receivedAt: r.received_at, hash: r.hash }))
}

export type EventInsert = {
  seq: number
  event: DomainEvent
  receivedAt: string
  audienceBefore: string[]
  /** The event's link in its matter's chain (chain/chain-links.ts). */
  hash: string
}

// A whole push goes in as one statement with one parameter: the rows as a JSON array, turned
// into rows by json_to_recordset. Thousands of bound parameters cost PostgreSQL more to parse
// and bind than the insert itself (issue 5). json, not jsonb: each body is kept as the text it
// arrives in (migrations/005), and json_to_recordset hands it over as that text.
const insertSql = `
  INSERT INTO events (id, seq, matter_id, type, actor_id, device_id, occurred_at, recorded_at, received_at, body, audience_before, hash)
  SELECT id, seq, matter_id, type, actor_id, device_id, occurred_at, recorded_at, received_at, body, audience_before, hash
    FROM json_to_recordset($1::json) AS r(
      id uuid, seq bigint, matter_id uuid, type text, actor_id text, device_id text, occurred_at timestamptz,
      recorded_at timestamptz, received_at timestamptz, body json, audience_before text[], hash text)`

const rowsPerStatement = 2_000

/**
 * Stores events under their seqs. The unique id and seq are the last guard of idempotency and of
 * a gap-free seq: an event stored twice fails the statement, and the transaction rolls back. (The
 * seq lock makes that impossible, see event-log.ts; a plain insert costs PostgreSQL less than one
 * that looks for conflicts first and returns the ids it stored.)
 */
export async function insertEvents(sql: Sql, rows: readonly EventInsert[]): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement).map(({ seq, event: e, receivedAt, audienceBefore, hash }) => ({
      id: e.id,
      seq,
      matter_id: e.matterId,
      type: e.type,
      actor_id: e.actorId,
      device_id: e.deviceId,
      occurred_at: e.occurredAt,
      recorded_at: e.recordedAt,
      received_at: receivedAt,
      body: e,
      audience_before: audienceBefore,
      hash,
    }))
    await sql.query(insertSql, [JSON.stringify(chunk)])
  }
}
