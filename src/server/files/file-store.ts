import { join } from 'node:path'
import { defaultMaxFileBytes } from '../../domain/files.ts'
import type { Storage } from '../storage/storage.ts'
import { databaseFileBytes } from './database-file-bytes.ts'
import { directoryFileBytes } from './directory-file-bytes.ts'
import type { FileBytes } from './file-bytes.ts'

// The server's evidence files: the database that knows about them (files, file_uploads,
// file_refs) and the bytes (file-bytes.ts), with the limits. One per server process, handed to
// the routes and the scheduler like the storage.

export type FileStore = {
  storage: Storage
  bytes: FileBytes
  /** The largest file accepted (env MAX_FILE_BYTES). */
  maxFileBytes: number
  /** Whether the server holds the file (its bytes are kept and hash to its name). */
  has(sha256: string): Promise<boolean>
}

/** Bytes in the database unless told otherwise: what a server with no data directory has. */
export function createFileStore(
  storage: Storage,
  bytes: FileBytes = databaseFileBytes(storage),
  { maxFileBytes = defaultMaxFileBytes }: { maxFileBytes?: number } = {},
): FileStore {
  return {
    storage,
    bytes,
    maxFileBytes,
    async has(sha256) {
      const rows = await storage.query('SELECT 1 FROM files WHERE sha256 = $1', [sha256])
      return rows.length > 0
    },
  }
}

/**
 * Where the bytes go (DESIGN.md "Evidence files"): on the embedded database, beside it under
 * DATA_DIR/files; on a PostgreSQL server, in that database, which every server process shares.
 */
export function fileBytesFor(storage: Storage, dataDir: string): FileBytes {
  return storage.driver === 'postgres'
    ? databaseFileBytes(storage)
    : directoryFileBytes(join(dataDir, 'files'))
}
