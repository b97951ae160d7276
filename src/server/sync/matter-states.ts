import { automaticClosureAt } from '../../domain/automatic-closure.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import type { Sql } from '../storage/storage.ts'
import { audienceOf } from './visibility.ts'

// The SQL of the matters table: each matter's folded state, plus the columns the server queries
// (visibility, the scheduler's next automatic closure). Always written in the transaction that
// stored the matter's events, so it never disagrees with them.

/** A stored matter: its state and its chain's head (null until its chain is built, build-chains.ts). */
export type StoredMatter = { state: MatterState; chainHead: string | null }

export async function loadStates(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, StoredMatter>> {
  if (ids.length === 0) return new Map()
  const rows = await sql.query<{ id: string; state: MatterState; chain_head: string | null }>(
    'SELECT id, state, chain_head FROM matters WHERE id = ANY($1::uuid[])',
    [ids],
  )
  return new Map(rows.map((r) => [r.id, { state: r.state, chainHead: r.chain_head }]))
}

export type MatterWrite = { state: MatterState; lastSeq: number; chainHead: string }

// One statement, one JSON parameter, as for events (see event-rows.ts).
const upsertSql = `
  INSERT INTO matters (id, reference, created_by, assigned_officer_id, phase, audience, automatic_closure_at, last_seq, state, chain_head)
  SELECT id, reference, created_by, assigned_officer_id, phase, audience, automatic_closure_at, last_seq, state, chain_head
    FROM jsonb_to_recordset($1::jsonb) AS r(
      id uuid, reference text, created_by text, assigned_officer_id text, phase text, audience text[],
      automatic_closure_at timestamptz, last_seq bigint, state jsonb, chain_head text)
  ON CONFLICT (id) DO UPDATE SET
    reference = EXCLUDED.reference,
    assigned_officer_id = EXCLUDED.assigned_officer_id,
    phase = EXCLUDED.phase,
    audience = EXCLUDED.audience,
    automatic_closure_at = EXCLUDED.automatic_closure_at,
    last_seq = EXCLUDED.last_seq,
    state = EXCLUDED.state,
    chain_head = EXCLUDED.chain_head`

const rowsPerStatement = 1_000

/** Writes matters' states (new or changed), one upsert per thousand matters. */
export async function saveStates(sql: Sql, writes: readonly MatterWrite[]): Promise<void> {
  for (let start = 0; start < writes.length; start += rowsPerStatement) {
    const chunk = writes.slice(start, start + rowsPerStatement).map(({ state, lastSeq, chainHead }) => ({
      id: state.id,
      reference: state.reference,
      created_by: state.createdBy,
      assigned_officer_id: state.assignedOfficerId,
      phase: state.phase,
      audience: audienceOf(state),
      automatic_closure_at: automaticClosureAt(state),
      last_seq: lastSeq,
      state,
      chain_head: chainHead,
    }))
    await sql.query(upsertSql, [JSON.stringify(chunk)])
  }
}

/** Matters whose automatic closure (R4, R5) has come due by `now`. */
export async function mattersDueForClosure(sql: Sql, now: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    'SELECT id FROM matters WHERE automatic_closure_at <= $1 ORDER BY automatic_closure_at, id',
    [now],
  )
  return rows.map((r) => r.id)
}
