import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { clearDeviceData } from '../../src/db/device.ts'
import type { StaffRow } from '../../src/db/rows.ts'
import { readStaff, saveStaff } from '../../src/db/staff.ts'
import { freshDb } from './db-fixtures.ts'

// The staff directory on the device: the officers and managers the server last listed.

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

const tom: StaffRow = { id: 'officer-2', name: 'Tom Hale', role: 'officer' }
const priya: StaffRow = { id: 'officer-1', name: 'Priya Shah', role: 'officer' }
const dana: StaffRow = { id: 'manager-1', name: 'dana Cole', role: 'manager' }

describe('staff directory', () => {
  it('is empty until the first sync brings it, then lists everyone by name', async () => {
    db = freshDb()
    expect(await readStaff(db)).toEqual([])
    await saveStaff(db, [tom, priya, dana])
    expect(await readStaff(db)).toEqual([dana, priya, tom])
  })

  it('a refresh replaces the whole list: someone who left is gone, a change of name shows', async () => {
    db = freshDb()
    await saveStaff(db, [tom, priya, dana])
    await saveStaff(db, [{ ...priya, name: 'Priya Shah-Evans' }, dana])
    expect(await readStaff(db)).toEqual([dana, { ...priya, name: 'Priya Shah-Evans' }])
  })

  it('keeps only id, name and role, whatever else a row carries', async () => {
    db = freshDb()
    await saveStaff(db, [{ ...tom, username: 'thale' } as StaffRow])
    expect(await db.staff.toArray()).toEqual([tom])
  })

  it('is wiped at sign-out with the rest of the last person’s data', async () => {
    db = freshDb()
    await saveStaff(db, [tom, priya])
    expect(await clearDeviceData(db)).toEqual({ ok: true })
    expect(await readStaff(db)).toEqual([])
  })
})
