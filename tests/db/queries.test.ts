import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { openMatters } from '../../src/db/queries.ts'
import type { MatterRow } from '../../src/db/rows.ts'
import { phases } from '../../src/domain/phases.ts'
import type { MatterState } from '../../src/domain/matter-state.ts'
import { freshDb } from './db-fixtures.ts'

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

function rowIn(phase: MatterRow['phase'], n: number): MatterRow {
  return {
    id: `${phase}-${n}`,
    reference: `ASB-${n}`,
    phase,
    assignedOfficerId: '',
    riskLevel: 'none',
    nextDueOn: '9999-12-31',
    updatedAt: '2026-11-02T09:00:00.000Z',
    state: { id: `${phase}-${n}`, phase } as MatterState,
  }
}

describe('device queries', () => {
  it("Today's caseload: every matter in a phase before or after 'closed' (in index order), no closed one", async () => {
    db = freshDb()
    await db.matters.bulkPut(phases.flatMap((phase) => [rowIn(phase, 1), rowIn(phase, 2)]))
    await db.matters.bulkPut([3, 4, 5].map((n) => rowIn('closed', n)))

    const open = await openMatters(db)

    const expected = phases.filter((p) => p !== 'closed').flatMap((p) => [`${p}-1`, `${p}-2`])
    expect(open.map((m) => m.id).sort()).toEqual(expected.sort())
  })
})
