import { genesisHash } from '../../domain/event-chain.ts'
import type { Sql, Storage } from '../storage/storage.ts'
import { linkAfter, receivedAtText, recordOf } from './chain-links.ts'

// The links of events stored before the chain existed (migrations/007), computed once at start:
// a batch of matters per transaction, each holding the event log's lock on the seq counter so no
// push adds to a matter while its chain is being built. A start cut short resumes with the
// matters still without a head. The event log builds a matter on the spot if it meets one first
// (another server still building, event-log.ts).

type Row = {
  matter_id: string
  id: string
  seq: number | string
  body: object
  received_at: string
  hash: string | null
}

const eventsOf = `
  SELECT matter_id, id, seq, body, ${receivedAtText('received_at')} AS received_at, hash
    FROM events WHERE matter_id = ANY($1::uuid[]) ORDER BY matter_id, seq`

const setLinks = `
  UPDATE events SET hash = v.hash
    FROM json_to_recordset($1::json) AS v(id uuid, hash text) WHERE events.id = v.id`

const setHeads = `
  UPDATE matters SET chain_head = v.head
    FROM json_to_recordset($1::json) AS v(id uuid, head text) WHERE matters.id = v.id`

/**
 * Links the events of these matters that have no link yet and sets their heads; returns the heads.
 * A link already stored is kept and followed, never recomputed: a matter whose head was cleared
 * gets its head back from its stored links, and an altered event stays detectable by `verify`.
 */
export async function buildChainsOf(
  sql: Sql,
  matterIds: readonly string[],
): Promise<Map<string, string>> {
  const heads = new Map<string, string>()
  if (matterIds.length === 0) return heads
  const rows = await sql.query<Row>(eventsOf, [matterIds])
  const links: { id: string; hash: string }[] = []
  for (const row of rows) {
    let link = row.hash
    if (link === null) {
      link = linkAfter(
        heads.get(row.matter_id) ?? genesisHash,
        recordOf(row.body, Number(row.seq), row.received_at),
      )
      links.push({ id: row.id, hash: link })
    }
    heads.set(row.matter_id, link)
  }
  // A matter row without events cannot happen (a matter is made by its first event); if one
  // ever did, its head is the genesis value, so it is not picked up again at every start.
  for (const id of matterIds) if (!heads.has(id)) heads.set(id, genesisHash)
  if (links.length > 0) await sql.query(setLinks, [JSON.stringify(links)])
  const headRows = [...heads].map(([id, head]) => ({ id, head }))
  await sql.query(setHeads, [JSON.stringify(headRows)])
  return heads
}

/** Matters per transaction: a few tens of thousands of events, a second or two each. */
const mattersPerBatch = 500

/** Builds the chain of every matter that has none yet; returns how many matters it built. */
export async function buildChains(storage: Storage, batch = mattersPerBatch): Promise<number> {
  let built = 0
  for (;;) {
    const done = await storage.transaction(async (tx) => {
      await tx.query("SELECT value FROM counters WHERE name = 'event_seq' FOR UPDATE")
      const rows = await tx.query<{ id: string }>(
        'SELECT id FROM matters WHERE chain_head IS NULL ORDER BY id LIMIT $1',
        [batch],
      )
      await buildChainsOf(
        tx,
        rows.map((r) => r.id),
      )
      return rows.length
    })
    built += done
    if (done < batch) return built
  }
}
