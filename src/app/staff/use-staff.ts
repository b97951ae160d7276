import { useLiveQuery } from 'dexie-react-hooks'
import type { StaffRow } from '../../db/rows.ts'
import { readStaff } from '../../db/staff.ts'
import { useServices } from '../services.tsx'

// The officers and managers the last sync brought (db/staff.ts), for names on matters and a
// manager's allocations. The device learns colleagues' names only from this directory.

/** Everyone by name; undefined while IndexedDB answers, empty before the first sync. */
export function useStaff(): StaffRow[] | undefined {
  const { db } = useServices()
  return useLiveQuery(() => readStaff(db), [db])
}

/** Who has the matter, in the words of the matter header. */
export function officerLabel(officerId: string | null, meId: string, staff: readonly StaffRow[] | undefined): string {
  if (officerId === null) return 'Not assigned'
  if (officerId === meId) return 'You'
  return staff?.find((p) => p.id === officerId)?.name ?? 'Another officer'
}
