import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { rebuildReadTables } from '../../src/db/read-tables.ts'
import type { PulledEvents } from '../../src/db/server-events.ts'
import { catchUpReadTables, pullSession, readCursor } from '../../src/db/server-events.ts'
import { freshDb, newMatterId, officer, phoneReport, recordOk, tableSnapshot } from './db-fixtures.ts'

// A first sync stores a council's history page by page and writes the matters' read rows once,
// at the end. What the officer then sees must be exactly what recording it all produced, and a
// sync cut short between pages must lose nothing: the next sync catches the read tables up.

const dbs: CasebookDb[] = []
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()))
})
function aDevice(): CasebookDb {
  const db = freshDb()
  dbs.push(db)
  return db
}

const now = '2026-11-06T10:00:00.000Z'

/** Two matters recorded on one device, their steps interleaved; the events as the server would send them. */
async function aHistory(): Promise<{ source: CasebookDb; events: PulledEvents }> {
  const source = aDevice()
  const first = newMatterId()
  const second = newMatterId()
  const at = (day: string, time: string) => `2026-11-${day}T${time}:00.000Z`
  await recordOk(source, phoneReport(first), at('02', '09:05'))
  await recordOk(source, phoneReport(second, at('02', '10:00')), at('02', '10:05'))
  await recordOk(source, { matterId: first, type: 'matterAssigned', payload: { officerId: officer.actor.id } }, at('02', '10:06'))
  await recordOk(source, { matterId: second, type: 'matterAssigned', payload: { officerId: officer.actor.id } }, at('02', '10:07'))
  await recordOk(source, { matterId: first, type: 'thresholdAssessed', payload: { met: true, reason: 'Persistent night-time noise.' } }, at('03', '09:00'))
  await recordOk(source, { matterId: second, type: 'contactAttempted', payload: { method: 'phone', outcome: 'no_answer' } }, at('03', '10:00'))
  await recordOk(source, { matterId: first, type: 'diarySheetsIssued', payload: { issuedOn: '2026-11-03' } }, at('03', '11:00'))
  await recordOk(source, { matterId: second, type: 'thresholdAssessed', payload: { met: false, reason: 'A single event, no details.' } }, at('04', '11:00'))
  for (const day of ['04', '05']) {
    await recordOk(source, { matterId: first, type: 'contactAttempted', payload: { method: 'phone', outcome: 'voicemail' } }, at(day, '12:00'))
  }
  const stored = await source.events.orderBy('id').toArray()
  return { source, events: stored.map(({ seq: _seq, ...e }, i) => ({ ...e, seq: i + 1 })) }
}

async function pullInPages(db: CasebookDb, events: PulledEvents, size: number, finish = true) {
  const session = pullSession(db, () => now)
  for (let start = 0; start < events.length; start += size) {
    const page = events.slice(start, start + size)
    await session.page(page, page.at(-1)?.seq ?? 0)
  }
  if (finish) await session.finish()
}

describe('a first sync, page by page', () => {
  it('gives the same read tables as recording the history did, with one matter across many pages', async () => {
    const { source, events } = await aHistory()
    // The source's rows were written as of each step; rebuilt as of the same `now` to compare.
    await rebuildReadTables(source, now)
    const device = aDevice()

    await pullInPages(device, events, 3)

    expect(await tableSnapshot(device)).toEqual(await tableSnapshot(source))
    expect(await device.events.count()).toBe(events.length)
    expect(await readCursor(device)).toBe(events.length)
    expect((await device.meta.get('readRowsBehind'))?.value).toBeUndefined()
  })

  it('cut short between pages, keeps every event and the cursor; the next sync catches the read tables up', async () => {
    const { source, events } = await aHistory()
    await rebuildReadTables(source, now)
    const device = aDevice()

    // The tab is closed after four pages: `finish` never runs.
    await pullInPages(device, events.slice(0, 8), 2, false)

    expect(await device.events.count()).toBe(8)
    expect(await readCursor(device)).toBe(8)
    expect((await device.meta.get('readRowsBehind'))?.value).toBe(true)

    expect(await catchUpReadTables(device, now)).toBe(true)
    await pullInPages(device, events.slice(8), 2)

    expect(await tableSnapshot(device)).toEqual(await tableSnapshot(source))
    expect(await catchUpReadTables(device, now)).toBe(false)
  })

  it("folds a matter again when this device's own step waits to be sent, so the step is not lost from its state", async () => {
    const { events } = await aHistory()
    const device = aDevice()
    await pullInPages(device, events.slice(0, 4), 4)
    const matterId = events[0]?.matterId ?? ''
    // Recorded offline on the device, not yet sent, while the rest of the history arrives.
    await recordOk(device, { matterId, type: 'contactMade', payload: { method: 'phone', direction: 'inbound', summary: 'Rang back.' } }, '2026-11-05T13:00:00.000Z')

    await pullInPages(device, events.slice(4), 2)

    const state = (await device.matters.get(matterId))?.state
    expect(state?.contact.established).toBe(true)
    expect(state?.phase).toBe('evidence')
    expect(state?.eventCount).toBe(events.filter((e) => e.matterId === matterId).length + 1)
  })

  it('keeps a step the officer records while the pages are still coming in', async () => {
    const { events } = await aHistory()
    const device = aDevice()
    const matterId = events[0]?.matterId ?? ''
    const session = pullSession(device, () => now)
    const page = (from: number, to: number) => session.page(events.slice(from, to), events[to - 1]?.seq ?? 0)
    await page(0, 5)
    await session.finish()
    const later = pullSession(device, () => now)
    await later.page(events.slice(5, 7), 7)

    await recordOk(device, { matterId, type: 'contactMade', payload: { method: 'phone', direction: 'inbound', summary: 'Rang back.' } }, '2026-11-05T13:00:00.000Z')
    // The last page is of the other matter only: the step must still be in this one's state.
    expect(events[7]?.matterId).not.toBe(matterId)
    await later.page(events.slice(7, 8), 8)
    await later.finish()

    const state = (await device.matters.get(matterId))?.state
    expect(state?.contact.established).toBe(true)
    expect(state?.eventCount).toBe(events.slice(0, 8).filter((e) => e.matterId === matterId).length + 1)
  })
})
