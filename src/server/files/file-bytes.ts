import type { Sql } from '../storage/storage.ts'

// Where the bytes of evidence files are kept, behind one small interface (STYLE.md 12). Two
// kinds: a directory under DATA_DIR (the embedded default, one server on one machine), and chunks
// in PostgreSQL itself (with DATABASE_URL: every server process behind a load balancer then sees
// the same files, with no second system to run, back up or secure). What the server knows
// *about* a file (size, type, who uploaded it, which matters reference it) is in the database
// either way (file-records.ts).

/** Bytes being received, not yet a file: kept only when they hash to the name. */
export type StagedBytes = {
  /** Appends bytes; resolves when they are written (back-pressure for the upload stream). */
  write(chunk: Uint8Array): Promise<void>
  /** Where the bytes will be kept once they are the file named `sha256`. */
  locationFor(sha256: string): string
  /** Makes the staged bytes the file's, inside the transaction that records the file. */
  keep(sha256: string, tx: Sql): Promise<void>
  /** Drops what was received. Safe to call twice and after `keep`'s transaction failed. */
  discard(): Promise<void>
}

export type FileBytes = {
  kind: 'directory' | 'database'
  /** The directory, for a directory store (verification tests and operators' messages). */
  root?: string
  stage(): Promise<StagedBytes>
  /** The bytes from `start` to `end` inclusive, a piece at a time. */
  read(location: string, start: number, end: number): AsyncIterable<Uint8Array>
  /** Removes a file's bytes, inside the transaction that forgets the file. */
  remove(location: string, tx: Sql): Promise<void>
  /** Removes staged bytes left by uploads cut short (a crash) before `olderThan`; returns how many. */
  sweepStaged(olderThan: Date): Promise<number>
}
