import type { DomainEvent } from '../../domain/events.ts'
import type { Sql } from '../storage/storage.ts'

// The SQL of the events table. A stored event's body is exactly the event as accepted.

export type StoredEvent = { seq: number; event: DomainEvent }

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

export type EventInsert = {
  seq: number
  event: DomainEvent
  receivedAt: string
  audienceBefore: string[]
}

// Rows go in as multi-row INSERTs: one statement for a whole push instead of one per event.
const columnsPerRow = 11
const rowsPerStatement = 1_000

/**
 * Stores events under their seqs. ON CONFLICT on the id is the last guard of idempotency: an id
 * already there is skipped, and the count of rows stored tells the caller.
 */
export async function insertEvents(sql: Sql, rows: readonly EventInsert[]): Promise<number> {
  let stored = 0
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement)
    const values = chunk.map((_, r) => {
      const p = Array.from({ length: columnsPerRow }, (_, c) => `$${r * columnsPerRow + c + 1}`)
      return `(${p.slice(0, 9).join(', ')}, ${p[9]}::jsonb, ${p[10]}::text[])`
    })
    const params = chunk.flatMap(({ seq, event: e, receivedAt, audienceBefore }) => [
      e.id,
      seq,
      e.matterId,
      e.type,
      e.actorId,
      e.deviceId,
      e.occurredAt,
      e.recordedAt,
      receivedAt,
      JSON.stringify(e),
      audienceBefore,
    ])
    const inserted = await sql.query(
      `INSERT INTO events (id, seq, matter_id, type, actor_id, device_id, occurred_at, recorded_at, received_at, body, audience_before)
       VALUES ${values.join(', ')}
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      params,
    )
    stored += inserted.length
  }
  return stored
}
