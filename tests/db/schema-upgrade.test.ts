import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.ts'
import type { CasebookDb } from '../../src/db/database.ts'
import { schemaVersions } from '../../src/db/schema.ts'
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
})
