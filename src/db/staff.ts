import type { CasebookDb } from './database.ts'
import type { StaffRow } from './rows.ts'

// The directory of officers and managers as the server last gave it, so a matter shows who has
// it and a manager can allocate it while offline. The server is its only source: each refresh
// replaces the whole list, so someone who has left does not linger.

export async function saveStaff(db: CasebookDb, list: readonly StaffRow[]): Promise<void> {
  await db.transaction('rw', db.staff, async () => {
    await db.staff.clear()
    await db.staff.bulkPut(list.map(({ id, name, role }) => ({ id, name, role })))
  })
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' })

/** Everyone in the directory, by name; empty until the first sync brings it. */
export async function readStaff(db: CasebookDb): Promise<StaffRow[]> {
  const rows = await db.staff.toArray()
  return rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id))
}
