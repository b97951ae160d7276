import type { PullQuery, PullResponse } from '../../api/sync-pull.ts'
import type { Actor } from '../../domain/guard-context.ts'
import type { Sql, Storage } from '../storage/storage.ts'
import type { AudienceIndex } from './audience-index.ts'
import { receivedAtText } from '../chain/chain-links.ts'
import { matterHistory } from './event-rows.ts'
import { viewerTokens } from './visibility.ts'

// GET /api/sync/pull: the events after the cursor that the viewer may have, in seq order.
//
// For a matter the viewer can see NOW, they get its events from the moment it became theirs
// (its latest grant: the last event before which they could not see it, usually its report or
// the assignment to them); at the grant come all its earlier events too, so a newly assigned
// matter arrives whole. A device stores events by id, so one it already has is harmless.
// For a matter they could see at their cursor but cannot now, they get its events up to and
// including the one that took it away, so the device learns it is no longer theirs. A matter
// that was visible only in between (a report assigned on straight away) sends nothing.
//
// `cursor` is the highest seq examined, not the highest sent: events the viewer may not have
// are skipped once, not scanned again on every pull.

// Bodies come out of the database as JSON text and go into the answer as they are, with their
// seq added: parsing a page of events only to write it out again was most of a pull's time.
// `granted` is the matter's id when the event is the viewer's grant of a matter with a history
// before it, else null: PGlite decodes every value of every row one by one, so a page carries no
// column it does not need.
// Each event also carries when it reached the server and its link in its matter's hash chain
// (domain/event-chain.ts), so a device can check the chain from what it holds.
type Row = {
  seq: number | string
  body: string
  received_at: string
  hash: string | null
  granted?: string | null
}

const serverFields = (e: string) => `${receivedAtText(`${e}received_at`)} AS received_at, ${e}hash`

const everything = `
  SELECT seq, body::text AS body, ${serverFields('')} FROM events
   WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`

// Which matters to send, and from where, comes from their audience changes alone (a few per
// matter, see migrations/003 and audience-index.ts), not from their whole histories: a matter the
// viewer sees now is sent from its grant, the last change before which they could not see it (a
// report is always one: it has no audience before it); a matter they saw at the cursor is one
// whose first change after the cursor had them in the audience before it (the audience stays put
// between changes). Then each chosen matter's events in the window come by the (matter_id, seq)
// index, so a page costs the viewer's matters and events, not every event in the window (issue 5).
// OFFSET 0 keeps PostgreSQL from turning those look-ups back into one scan of the window.
const eventsOf = (source: string) => `
  SELECT e.seq, e.body::text AS body, ${serverFields('e.')},
         CASE WHEN e.seq = m.grant_seq AND e.type <> 'reportReceived' THEN e.matter_id END AS granted
    FROM unnest($4::uuid[], $5::bigint[]) AS m(matter_id, grant_seq)
   ${source}
   WHERE e.seq >= m.grant_seq OR (m.grant_seq IS NULL AND e.audience_before && $6::text[])
   ORDER BY e.seq LIMIT $3`

const byMatter = eventsOf(`CROSS JOIN LATERAL (
     SELECT seq, matter_id, body, type, audience_before, received_at, hash FROM events
      WHERE matter_id = m.matter_id AND seq > $1 AND seq <= $2 OFFSET 0) e`)

// An incremental pull (a device that synced a minute ago) has a short window: there one scan of
// the window's few events is cheaper than a look-up per matter.
const inWindow = eventsOf(
  `JOIN events e ON e.matter_id = m.matter_id AND e.seq > $1 AND e.seq <= $2`,
)

const windowMatters = 'SELECT DISTINCT matter_id FROM events WHERE seq > $1 AND seq <= $2'

/**
 * Up to `shortWindow` seqs, scanning the window is cheaper than a look-up per matter. Both
 * queries give the same rows; the tests run each (tests/server/sync-pull.test.ts).
 */
export const pullTuning = { shortWindow: 2_000 }

/** The rows of the window (after, windowEnd] the viewer may have, as of seq `now`. */
async function rowsFor(
  sql: Sql,
  audiences: AudienceIndex,
  viewer: Actor,
  window: { after: number; windowEnd: number; now: number },
  limit: number,
): Promise<Row[]> {
  const { after, windowEnd, now } = window
  const tokens = viewerTokens(viewer)
  if (tokens === 'all') return sql.query<Row>(everything, [after, windowEnd, limit])
  if (tokens.length === 0) return []
  await audiences.catchUp(sql, now)
  const short = windowEnd - after <= pullTuning.shortWindow
  // A short window touches a few matters of thousands: only theirs are weighed and sent to the
  // database (issue 5: under load, every viewer's whole caseload went with every pull).
  const among = short
    ? (await sql.query<{ matter_id: string }>(windowMatters, [after, windowEnd])).map(
        (r) => r.matter_id,
      )
    : undefined
  if (among?.length === 0) return []
  // A matter reported after the window has nothing in it.
  const sent = audiences.sent(tokens, after, now, among).filter((m) => m.firstSeq <= windowEnd)
  if (sent.length === 0) return []
  return sql.query<Row>(short ? inWindow : byMatter, [
    after,
    windowEnd,
    limit,
    sent.map((m) => m.matterId),
    sent.map((m) => m.grantSeq),
    tokens,
  ])
}

/** The page as objects (the route sends `pullEventsJson`'s bytes instead). */
export async function pullEvents(
  storage: Storage,
  audiences: AudienceIndex,
  viewer: Actor,
  query: PullQuery,
): Promise<PullResponse> {
  const json = await pullEventsJson(storage, audiences, viewer, query)
  return JSON.parse(json.toString('utf8')) as PullResponse
}

/** The page as the UTF-8 JSON of a `PullResponse`. */
export async function pullEventsJson(
  storage: Storage,
  audiences: AudienceIndex,
  viewer: Actor,
  { after, limit }: PullQuery,
): Promise<Buffer<ArrayBuffer>> {
  // One snapshot for the whole page: the matters' audiences and the events agree.
  return storage.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const [counter] = await tx.query<{ value: number | string }>(
      "SELECT value FROM counters WHERE name = 'event_seq'",
    )
    const upTo = Number(counter?.value ?? 0)
    // A filtered pull examines at most `scanWindow` seqs a page: its query reads every event of
    // the viewer's matters in the window before picking the first `limit`, and from cursor 0
    // without a window that would be their whole caseload, on every page (issue 5). The cursor
    // is the highest seq examined, so a page may come back short, with `hasMore`.
    const windowEnd =
      viewerTokens(viewer) === 'all' ? upTo : Math.min(upTo, after + scanWindow(limit))
    const rows = await rowsFor(tx, audiences, viewer, { after, windowEnd, now: upTo }, limit + 1)
    const result = await page(tx, rows, after, windowEnd, limit)
    const hasMore = result.hasMore || windowEnd < upTo
    // Pieces of bytes joined once: a page of joined strings cost more than the query.
    const events = result.events.flatMap((e, i) => (i === 0 ? [e] : [comma, e]))
    const end = Buffer.from(`],"cursor":${result.cursor},"hasMore":${hasMore}}`)
    return Buffer.concat([start, ...events, end])
  })
}

const start = Buffer.from('{"events":[')
const comma = Buffer.from(',')

/** A stored body's JSON text (an object) with the server's fields added, as UTF-8. */
function withServerFields(row: Row, seq: number): Buffer {
  const { body, received_at: receivedAt, hash } = row
  const link = hash === null ? '' : `, "hash": "${hash}"`
  return Buffer.concat([
    Buffer.from(body.slice(0, body.lastIndexOf('}'))),
    Buffer.from(`, "seq": ${seq}, "receivedAt": "${receivedAt}"${link}}`),
  ])
}

const scanWindow = (limit: number) => Math.max(10_000, 20 * limit)

async function page(
  sql: Sql,
  rows: Row[],
  after: number,
  upTo: number,
  limit: number,
): Promise<{ events: Buffer[]; cursor: number; hasMore: boolean }> {
  const events = new Map<number, Buffer>()
  let cursor = after
  let hasMore = false
  for (const [index, row] of rows.entries()) {
    const seq = Number(row.seq)
    const history = row.granted
      ? (await matterHistory(sql, row.granted, seq)).filter((h) => !events.has(h.seq))
      : []
    // At most `limit` events a page, except that one matter's history is never split.
    if (index === limit || (events.size > 0 && events.size + 1 + history.length > limit)) {
      hasMore = true
      break
    }
    for (const h of history) {
      const pulled = { ...h.event, seq: h.seq, receivedAt: h.receivedAt, hash: h.hash ?? undefined }
      events.set(h.seq, Buffer.from(JSON.stringify(pulled)))
    }
    events.set(seq, withServerFields(row, seq))
    cursor = seq
  }
  if (!hasMore) cursor = Math.max(after, upTo)
  const inOrder = [...events].sort(([a], [b]) => a - b).map(([, json]) => json)
  return { events: inOrder, cursor, hasMore }
}
