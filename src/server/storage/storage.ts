import type { storageDrivers } from '../../api/health.ts'

// The server's one I/O boundary (STYLE.md 12): everything that reads or writes the database
// goes through a `Storage`. Two drivers speak the same SQL: embedded PGlite for one council on
// one machine, and a PostgreSQL server through `pg`.

export type StorageDriver = (typeof storageDrivers)[number]

export type Row = Record<string, unknown>

/** Something that runs SQL: the storage itself, or an open transaction. */
export type Sql = {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(text: string): Promise<void>
}

export type Storage = Sql & {
  driver: StorageDriver
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, use only the `tx` given: PGlite has one connection, and a query on the storage
   * itself would wait for this very transaction to end.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}
