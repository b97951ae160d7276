import { genesisHash } from '../../domain/event-chain.ts'
import { formatUkDate } from '../../domain/uk-dates.ts'
import { londonDate } from '../../domain/london-time.ts'
import type { Sql, Storage } from '../storage/storage.ts'
import { linkAfter, receivedAtText, recordOf } from './chain-links.ts'

// `npm run verify`: recomputes every matter's chain from its stored events (domain/event-chain.ts)
// and names every event that does not reproduce its stored link, and every head that does not
// match its matter's last event. Events are read in (matter, seq) order in large batches over the
// index on those columns, the next batch asked for before this one is hashed, all in one
// read-only snapshot so a push in the meantime cannot look like tampering.
//
// Each event is checked against the stored link before it, so an altered event is named itself
// and the events after it are not (their links still follow from the stored one). A removed
// event shows as the next one failing; a removed last event, as a head with no event behind it.

export type ChainProblem = { reference: string; matterId: string; message: string }

export type VerifySummary = { matters: number; events: number; problems: ChainProblem[] }

type EventRow = {
  matter_id: string
  id: string
  seq: number | string
  type: string
  body: Record<string, unknown>
  received_at: string
  hash: string | null
}

type MatterRow = { id: string; reference: string; chain_head: string | null }

const batchSql = (filtered: boolean) => `
  SELECT matter_id, id, seq, type, body, ${receivedAtText('received_at')} AS received_at, hash
    FROM events
   WHERE (matter_id, seq) > ($1::uuid, $2::bigint) ${filtered ? 'AND matter_id = ANY($4::uuid[])' : ''}
   ORDER BY matter_id, seq LIMIT $3`

export const verifyTuning = { batch: 20_000 }

/** Checks every matter's chain, or only those with this reference. */
export async function verifyChains(
  storage: Storage,
  options: { reference?: string } = {},
): Promise<VerifySummary> {
  return storage.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const matterRows = await tx.query<MatterRow>(
      options.reference === undefined
        ? 'SELECT id, reference, chain_head FROM matters'
        : 'SELECT id, reference, chain_head FROM matters WHERE reference = $1',
      options.reference === undefined ? [] : [options.reference],
    )
    const matters = new Map(matterRows.map((m) => [m.id, m]))
    const only = options.reference === undefined ? undefined : [...matters.keys()]
    const problems: ChainProblem[] = []
    const seen = new Set<string>()
    let events = 0
    let current: EventRow[] = []
    const finishMatter = () => {
      if (current.length === 0) return
      const matterId = current[0]!.matter_id
      seen.add(matterId)
      events += current.length
      problems.push(...checkMatter(matters.get(matterId), matterId, current))
      current = []
    }
    if (only?.length !== 0) {
      for await (const rows of batches(tx, only)) {
        for (const row of rows) {
          if (current.length > 0 && current[0]!.matter_id !== row.matter_id) finishMatter()
          current.push(row)
        }
      }
      finishMatter()
    }
    for (const matter of matters.values()) {
      if (!seen.has(matter.id))
        problems.push({
          reference: matter.reference,
          matterId: matter.id,
          message: 'has no stored events, yet the matter is recorded: its events were removed',
        })
    }
    return { matters: seen.size, events, problems }
  })
}

/** Batches in (matter, seq) order; the next is asked for before the caller works on this one. */
async function* batches(sql: Sql, only: string[] | undefined): AsyncGenerator<EventRow[]> {
  const { batch } = verifyTuning
  const fetch = (after: [string, number]) =>
    sql.query<EventRow>(batchSql(only !== undefined), only ? [...after, batch, only] : [...after, batch])
  let next = fetch(['00000000-0000-0000-0000-000000000000', 0])
  for (;;) {
    const rows = await next
    const last = rows.at(-1)
    if (last && rows.length === batch) next = fetch([last.matter_id, Number(last.seq)])
    yield rows
    if (!last || rows.length < batch) return
  }
}

function checkMatter(
  matter: MatterRow | undefined,
  matterId: string,
  rows: readonly EventRow[],
): ChainProblem[] {
  const reference = matter?.reference ?? `matter ${matterId}`
  const problems: ChainProblem[] = []
  const problem = (message: string) => problems.push({ reference, matterId, message })
  if (!matter) problem('has stored events but no matter record: the matter was removed')
  let previous = genesisHash
  for (const [index, row] of rows.entries()) {
    const seq = Number(row.seq)
    const link = linkAfter(previous, recordOf(row.body, seq, row.received_at))
    // Worded only for a problem: the day in England costs more than the hash.
    const which = () =>
      `event ${index + 1} of ${rows.length} (seq ${seq}, ${row.type}, recorded ${recordedDay(row.body)})`
    if (row.hash === null) problem(`${which()} has no stored hash`)
    else if (link !== row.hash)
      problem(`${which()} does not match its stored hash: it was changed, or an event before it was removed`)
    // The next event is checked against this one's stored link, so one altered event is named once.
    previous = row.hash ?? link
  }
  const last = rows.at(-1)
  if (matter && last && matter.chain_head !== last.hash)
    problem(
      matter.chain_head === null
        ? 'has no chain head'
        : `the chain head does not match its last stored event (seq ${Number(last.seq)}): a later event was removed, or the head was changed`,
    )
  return problems
}

function recordedDay(body: Record<string, unknown>): string {
  const recordedAt = body.recordedAt
  try {
    return typeof recordedAt === 'string' ? formatUkDate(londonDate(recordedAt)) : 'at an unknown time'
  } catch {
    // An altered body may carry anything here: say so rather than fail the whole check.
    return 'at an unreadable time'
  }
}
