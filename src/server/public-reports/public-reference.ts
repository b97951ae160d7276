import type { Sql } from '../storage/storage.ts'

// A reference a member of the public can quote on the phone: ASB-<year>-<number>, numbered
// from a counter in the same transaction as the report, so references are unique and gap-free.

export async function nextPublicReference(sql: Sql, now: Date): Promise<string> {
  const [row] = await sql.query<{ value: number | string }>(
    "UPDATE counters SET value = value + 1 WHERE name = 'public_reference' RETURNING value",
  )
  if (!row) throw new Error('The public_reference counter is missing: run the migrations.')
  // The year in England; the last hours of 31 December UTC are still that year in London.
  const year = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
  }).format(now)
  return `ASB-${year}-${String(row.value).padStart(6, '0')}`
}
