import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { matterEvents } from '../../src/db/queries.ts'
import { recordEventOnRow } from '../../src/db/record-event.ts'
import type { StepInput } from '../../src/db/record-event.ts'
import type { MatterRow } from '../../src/db/rows.ts'
import { readRowsOf } from '../../src/db/rows.ts'
import { fold } from '../../src/domain/fold.ts'
import { freshDb, newMatterId, officer, phoneReport, recordOk, tableSnapshot } from './db-fixtures.ts'

// The diary entry's save: checked against the row the screen drew, written in one round trip, and
// recorded the usual way whenever the stored matter is no longer that row.

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

const diaryEntry = (matterId: string, what: string): StepInput => ({
  matterId,
  type: 'diaryEntryRecorded',
  payload: {
    happenedAt: '2026-11-05T23:30:00.000Z',
    location: '14 Fleet Road',
    who: 'The neighbour above',
    what,
    impact: 'Could not sleep.',
    recordsAsb: true,
  },
})

/** A matter gathering evidence (R5), diary sheets issued, and its stored row. */
async function aMatterKeepingADiary(target: CasebookDb): Promise<{ matterId: string; row: MatterRow }> {
  const matterId = newMatterId()
  await recordOk(target, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
  await recordOk(target, { matterId, type: 'matterAssigned', payload: { officerId: officer.actor.id } }, '2026-11-02T09:06:00.000Z')
  await recordOk(target, { matterId, type: 'thresholdAssessed', payload: { met: true, reason: 'Persistent night-time noise.' } }, '2026-11-03T09:00:00.000Z')
  await recordOk(target, { matterId, type: 'diarySheetsIssued', payload: { issuedOn: '2026-11-03' } }, '2026-11-03T09:10:00.000Z')
  const row = await target.matters.get(matterId)
  if (!row) throw new Error('no matter row')
  return { matterId, row }
}

describe('R5: recording a diary entry on the row the screen drew', () => {
  it('writes the event, queues it, and leaves the read rows of the matter folded from its events', async () => {
    db = freshDb()
    const { matterId, row } = await aMatterKeepingADiary(db)
    const now = '2026-11-06T08:00:00.000Z'

    const result = await recordEventOnRow(db, officer, diaryEntry(matterId, 'Music until 3am.'), now, row)

    if (!result.ok) throw new Error(result.refusal.message)
    expect(result.state.diary.entries).toBe(1)
    expect(await db.outbox.count()).toBe(5)
    const folded = fold(await matterEvents(db, matterId))
    expect(folded).toEqual(result.state)
    const expected = readRowsOf(result.state, now)
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))
    expect(await tableSnapshot(db)).toEqual({
      matters: [expected.matter],
      parties: byId(expected.parties),
      dueActions: byId(expected.dueActions),
    })
    // The screen's row is left as it was drawn.
    expect(row.state.diary.entries).toBe(0)
  })

  it('records against the stored matter when another entry was saved after the screen drew it', async () => {
    db = freshDb()
    const { matterId, row } = await aMatterKeepingADiary(db)
    // Another step arrives (a sync, another tab) after the form was drawn from `row`.
    await recordOk(db, diaryEntry(matterId, 'First entry, from the other tab.'), '2026-11-06T07:00:00.000Z')

    const result = await recordEventOnRow(db, officer, diaryEntry(matterId, 'Second entry.'), '2026-11-06T08:00:00.000Z', row)

    expect(result.ok).toBe(true)
    const stored = await db.matters.get(matterId)
    expect(stored?.state.diary.entries).toBe(2)
    expect(stored?.state.eventCount).toBe(6)
    expect(await db.events.where('matterId').equals(matterId).count()).toBe(6)
    expect(await db.outbox.count()).toBe(6)
  })

  it('refuses, writing nothing, what the stored matter refuses', async () => {
    db = freshDb()
    const { matterId, row } = await aMatterKeepingADiary(db)
    const before = await db.events.count()

    const result = await recordEventOnRow(db, officer, { ...diaryEntry(matterId, ''), payload: { what: '' } }, '2026-11-06T08:00:00.000Z', row)

    expect(result.ok).toBe(false)
    expect(await db.events.count()).toBe(before)
  })
})
