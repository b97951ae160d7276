import { Dexie, liveQuery } from 'dexie'
import type { Table } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { putRows } from '../../src/db/bulk-store.ts'

// putRows writes a pulled page's rows with IndexedDB's own put (bulk-store.ts). What the device
// relies on: the rows are stored, a screen's live query shows them when the page commits, and a
// page with a row that fails is not stored at all.

type Row = { id: string; matterId: string; tag: string }
type TestDb = Dexie & { rows: Table<Row, string>; notes: Table<{ key: string }, string> }

let db: TestDb
afterEach(async () => {
  db.close()
  await Dexie.delete(db.name)
})

function open(): TestDb {
  const d = new Dexie(`bulk-store-${Math.random().toString(36).slice(2)}`) as TestDb
  // `&tag`: a unique index, the one way a put can fail after it is made.
  d.version(1).stores({ rows: 'id, matterId, &tag', notes: 'key' })
  return d
}

const row = (n: number, matterId = 'm1'): Row => ({ id: `r${n}`, matterId, tag: `t${n}` })

/** The first value a live query gives that `isWanted` accepts. */
function firstValue<T>(query: () => Promise<T>, isWanted: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        if (!isWanted(value)) return
        subscription.unsubscribe()
        resolve(value)
      },
      error: reject,
    })
  })
}

describe('putRows', () => {
  it('stores every row of the page, by key, with its indexes', async () => {
    db = open()
    await db.rows.put(row(1))
    await db.transaction('rw', db.rows, () => putRows(db.rows, [{ ...row(1), matterId: 'm2' }, row(2), row(3, 'm2')]))
    expect(await db.rows.count()).toBe(3)
    expect((await db.rows.where('matterId').equals('m2').primaryKeys()).sort()).toEqual(['r1', 'r3'])
  })

  it("a screen's live query shows the page's rows once it commits", async () => {
    db = open()
    await db.rows.put(row(1))
    const query = () => db.rows.where('matterId').equals('m1').toArray()
    // The query's first result (one row) is now in Dexie's cache.
    await firstValue(query, (rows) => rows.length === 1)
    const updated = firstValue(query, (rows) => rows.length === 3)
    await db.transaction('rw', db.rows, () => putRows(db.rows, [row(2), row(3)]))
    expect((await updated).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3'])
  })

  it('a read made before the put in the same transaction sees the store as it was (the pull relies on it)', async () => {
    db = open()
    await db.rows.put(row(1))
    const before = await db.transaction('rw', db.rows, async () => {
      const read = db.rows.where('matterId').equals('m1').toArray()
      putRows(db.rows, [row(2), row(3)])
      return read
    })
    expect(before.map((r) => r.id)).toEqual(['r1'])
    expect(await db.rows.count()).toBe(3)
  })

  it('a row that fails aborts the page: nothing of it is stored, the transaction rejects', async () => {
    db = open()
    await db.rows.put(row(1))
    const clash = { id: 'r9', matterId: 'm1', tag: 't1' }
    await expect(
      db.transaction('rw', [db.rows, db.notes], async () => {
        await db.notes.put({ key: 'cursor' })
        putRows(db.rows, [row(2), clash, row(3)])
      }),
    ).rejects.toThrow()
    expect((await db.rows.toArray()).map((r) => r.id)).toEqual(['r1'])
    expect(await db.notes.count()).toBe(0)
  })

  it('refuses to run outside a read-write transaction over the table', async () => {
    db = open()
    expect(() => putRows(db.rows, [row(1)])).toThrow(/read-write transaction/)
    await expect(db.transaction('r', db.rows, () => putRows(db.rows, [row(1)]))).rejects.toThrow(/read-write/)
  })
})
