import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.ts'
import type { CasebookDb } from '../../src/db/database.ts'
import { schemaVersions } from '../../src/db/schema.ts'
import { readStaff, saveStaff } from '../../src/db/staff.ts'
import { newMatterId, phoneReport, recordOk, tableSnapshot } from './db-fixtures.ts'

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

describe('schema upgrades', () => {
  it('a database made by every earlier version opens under the latest with nothing lost', async () => {
    const latest = schemaVersions.length
    for (let version = 1; version < latest; version++) {
      const name = `casebook-upgrade-${version}-${Math.random().toString(36).slice(2)}`
      db = openDatabase(name, version)
      const matterId = newMatterId()
      const { event } = await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
      const before = await tableSnapshot(db)
      expect(db.verno).toBe(version)
      db.close()

      db = openDatabase(name)
      await db.open()
      expect(db.verno).toBe(latest)
      expect(await db.events.get(event.id)).toMatchObject({ id: event.id, type: 'reportReceived' })
      expect(await db.outbox.get(event.id)).toMatchObject({ status: 'pending' })
      expect(await tableSnapshot(db)).toEqual(before)
      // The new version's table works.
      await db.drafts.put({ key: `diary:${matterId}`, updatedAt: '2026-11-02T09:06:00.000Z', value: { what: 'half typed' } })
      expect((await db.drafts.get(`diary:${matterId}`))?.value).toEqual({ what: 'half typed' })
      await db.delete()
    }
    db = openDatabase('casebook-upgrade-noop')
  })

  it('v2 → v3: keeps the events, outbox and drafts, and adds an empty staff directory', async () => {
    const name = `casebook-upgrade-v2-v3-${Math.random().toString(36).slice(2)}`
    db = openDatabase(name, 2)
    const matterId = newMatterId()
    const { event } = await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    const draft = { key: `diary:${matterId}`, updatedAt: '2026-11-02T09:06:00.000Z', value: { what: 'half typed' } }
    await db.drafts.put(draft)
    const before = await tableSnapshot(db)
    db.close()

    db = openDatabase(name, 3)
    await db.open()
    expect(db.verno).toBe(3)
    expect(await db.events.get(event.id)).toMatchObject({ id: event.id, type: 'reportReceived' })
    expect(await db.outbox.get(event.id)).toMatchObject({ status: 'pending' })
    expect(await db.drafts.get(draft.key)).toEqual(draft)
    expect(await tableSnapshot(db)).toEqual(before)
    expect(await readStaff(db)).toEqual([])
    await saveStaff(db, [{ id: 'officer-2', name: 'Tom Hale', role: 'officer' }])
    expect(await readStaff(db)).toEqual([{ id: 'officer-2', name: 'Tom Hale', role: 'officer' }])
  })

  it('v3 → v4: keeps the events, outbox, drafts and staff, and adds empty file, upload and recording stores', async () => {
    const name = `casebook-upgrade-v3-v4-${Math.random().toString(36).slice(2)}`
    db = openDatabase(name, 3)
    const matterId = newMatterId()
    const { event } = await recordOk(db, phoneReport(matterId), '2026-11-02T09:05:00.000Z')
    const draft = { key: `diary:${matterId}`, updatedAt: '2026-11-02T09:06:00.000Z', value: { what: 'half typed' } }
    await db.drafts.put(draft)
    await saveStaff(db, [{ id: 'officer-2', name: 'Tom Hale', role: 'officer' }])
    const before = await tableSnapshot(db)
    db.close()

    db = openDatabase(name, 4)
    await db.open()
    expect(db.verno).toBe(4)
    expect(await db.events.get(event.id)).toMatchObject({ id: event.id, type: 'reportReceived' })
    expect(await db.outbox.get(event.id)).toMatchObject({ status: 'pending' })
    expect(await db.drafts.get(draft.key)).toEqual(draft)
    expect(await readStaff(db)).toEqual([{ id: 'officer-2', name: 'Tom Hale', role: 'officer' }])
    expect(await tableSnapshot(db)).toEqual(before)
    expect([await db.files.count(), await db.uploadQueue.count(), await db.recordingChunks.count()]).toEqual([0, 0, 0])
    const blob = new Blob(['photo bytes'], { type: 'image/png' })
    const file = { sha256: 'a'.repeat(64), blob, mediaType: 'image/png', size: blob.size, name: 'fence.png', matterId, capturedAt: '2026-11-02T09:00:00.000Z', state: 'local' as const, bytesSent: 0, lastOpenedAt: '2026-11-02T09:00:00.000Z' }
    await db.files.put(file)
    expect(await (await db.files.get(file.sha256))!.blob!.text()).toBe('photo bytes')
    expect(await db.files.where('matterId').equals(matterId).count()).toBe(1)
  })
})
