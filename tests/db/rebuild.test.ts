import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { rebuildReadTables } from '../../src/db/read-tables.ts'
import { freshDb, newMatterId, officer, phoneReport, recordOk, tableSnapshot } from './db-fixtures.ts'

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

describe('read tables', () => {
  it('rebuilt from events alone equal what recording step by step produced', async () => {
    db = freshDb()
    const first = newMatterId()
    const second = newMatterId()
    await recordOk(db, phoneReport(first), '2026-11-02T09:05:00.000Z')
    await recordOk(db, phoneReport(second, '2026-11-02T10:00:00.000Z'), '2026-11-02T10:05:00.000Z')
    await recordOk(db, { matterId: first, type: 'matterAssigned', payload: { officerId: officer.actor.id } }, '2026-11-02T09:06:00.000Z')
    await recordOk(db, { matterId: first, type: 'thresholdAssessed', payload: { met: true, reason: 'Persistent night-time noise.' } }, '2026-11-03T09:00:00.000Z')
    await recordOk(db, { matterId: first, type: 'diarySheetsIssued', payload: { issuedOn: '2026-11-03' } }, '2026-11-03T09:10:00.000Z')
    // Closing an unassigned enquiry: the officer takes it on first (decisions.md), as the step form does.
    await recordOk(db, { matterId: second, type: 'matterAssigned', payload: { officerId: officer.actor.id } }, '2026-11-03T10:59:00.000Z')
    await recordOk(db, { matterId: second, type: 'thresholdAssessed', payload: { met: false, reason: 'A single event, no details.' } }, '2026-11-03T11:00:00.000Z')
    for (const day of ['04', '05', '06']) {
      await recordOk(db, { matterId: first, type: 'contactAttempted', payload: { method: 'phone', outcome: 'voicemail' } }, `2026-11-${day}T10:00:00.000Z`)
    }
    const now = '2026-11-06T10:00:00.000Z'
    const incremental = await tableSnapshot(db)

    const rebuilt = await rebuildReadTables(db, now)

    expect(rebuilt).toBe(2)
    expect(await tableSnapshot(db)).toEqual(incremental)
    expect(incremental.matters.map((m) => m.phase).sort()).toEqual(['closed', 'evidence'])
  })

  it('a wiped read table comes back from events', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    const before = await tableSnapshot(db)
    await db.matters.clear()
    await rebuildReadTables(db, '2026-11-02T09:05:00.000Z')
    expect(await tableSnapshot(db)).toEqual(before)
  })
})
