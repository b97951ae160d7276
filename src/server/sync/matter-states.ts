import { nextAutomaticClosure } from '../../domain/deadlines.ts'
import type { MatterState } from '../../domain/matter-state.ts'
import type { Sql } from '../storage/storage.ts'
import { audienceOf } from './visibility.ts'

// The SQL of the matters table: each matter's folded state, plus the columns the server queries
// (visibility, the scheduler's next automatic closure). Always written in the transaction that
// stored the matter's events, so it never disagrees with them.

export async function loadStates(
  sql: Sql,
  ids: readonly string[],
): Promise<Map<string, MatterState>> {
  if (ids.length === 0) return new Map()
  const rows = await sql.query<{ id: string; state: MatterState }>(
    'SELECT id, state FROM matters WHERE id = ANY($1::uuid[])',
    [ids],
  )
  return new Map(rows.map((r) => [r.id, r.state]))
}

export type MatterWrite = { state: MatterState; lastSeq: number }

const columnsPerRow = 9
const rowsPerStatement = 500

/** Writes matters' states (new or changed), a multi-row upsert per few hundred matters. */
export async function saveStates(sql: Sql, writes: readonly MatterWrite[]): Promise<void> {
  for (let start = 0; start < writes.length; start += rowsPerStatement) {
    const chunk = writes.slice(start, start + rowsPerStatement)
    const values = chunk.map((_, r) => {
      const p = Array.from({ length: columnsPerRow }, (_, c) => `$${r * columnsPerRow + c + 1}`)
      return `(${p.slice(0, 5).join(', ')}, ${p[5]}::text[], ${p[6]}::timestamptz, ${p[7]}, ${p[8]}::jsonb)`
    })
    const params = chunk.flatMap(({ state, lastSeq }) => [
      state.id,
      state.reference,
      state.createdBy,
      state.assignedOfficerId,
      state.phase,
      audienceOf(state),
      nextAutomaticClosure(state)?.closesAt ?? null,
      lastSeq,
      JSON.stringify(state),
    ])
    await sql.query(
      `INSERT INTO matters (id, reference, created_by, assigned_officer_id, phase, audience, automatic_closure_at, last_seq, state)
       VALUES ${values.join(', ')}
       ON CONFLICT (id) DO UPDATE SET
         reference = EXCLUDED.reference,
         assigned_officer_id = EXCLUDED.assigned_officer_id,
         phase = EXCLUDED.phase,
         audience = EXCLUDED.audience,
         automatic_closure_at = EXCLUDED.automatic_closure_at,
         last_seq = EXCLUDED.last_seq,
         state = EXCLUDED.state`,
      params,
    )
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
