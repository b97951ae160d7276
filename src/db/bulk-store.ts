import { Dexie, RangeSet } from 'dexie'
import type { Table, Transaction } from 'dexie'

// A first sync stores a council's history, a quarter of a million events, a page at a time.
// Dexie's bulkPut costs JavaScript per row on top of IndexedDB's own put: a request object kept,
// an error handler attached to each, a promise and its middlewares per call. In a first sync's
// profile that was a sixth of the time IndexedDB itself took (issue 5). Here the rows go straight
// to the object store of the transaction in progress, and Dexie is told what changed the way its
// own bulkPut tells it, so live queries and their cache still see the new rows.

// Structural, so that this module also type-checks where the DOM library is not loaded.
type ObservedTransaction = {
  objectStore(name: string): { put(value: unknown): unknown }
  mutatedParts?: Record<string, RangeSet>
}

/**
 * Puts `rows` into `table` in the Dexie read-write transaction this runs in. Like Dexie's own
 * bulkPut of 50 rows or more, it marks the table's every key and index as changed. A put that
 * fails fails the transaction (Dexie rejects and aborts it): a page is stored whole or not at all.
 */
export function putRows<T>(table: Table<T>, rows: readonly T[]): void {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans: ObservedTransaction }) | null
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes(table.name)) {
    throw new Error(`putRows needs a read-write transaction over ${table.name}.`)
  }
  const idbtrans = tx.idbtrans
  const store = idbtrans.objectStore(table.name)
  for (const row of rows) store.put(row)
  const everything = () => new RangeSet(Dexie.minKey, Dexie.maxKey)
  const base = `idb://${table.db.name}/${table.name}/`
  const parts: Record<string, RangeSet> = { [base]: everything(), [`${base}:dels`]: everything() }
  for (const index of table.schema.indexes) parts[`${base}${index.name}`] = everything()
  idbtrans.mutatedParts = { ...idbtrans.mutatedParts, ...parts }
}
