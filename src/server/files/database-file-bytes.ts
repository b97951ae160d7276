import type { Sql, Storage } from '../storage/storage.ts'
import type { FileBytes, StagedBytes } from './file-bytes.ts'

// Files as 1 MiB chunks in PostgreSQL (the file_chunks table), when the server runs on a database
// every server process shares. Each chunk is its own statement outside any transaction, so a slow
// upload from a phone holds no connection between chunks and no lock at all; memory holds one
// chunk. A blob becomes a file when the files row naming it commits; a blob no row names is
// either being uploaded or was cut short, and is swept once it is old (`sweepStaged`).

export const chunkBytes = 1024 * 1024

export function databaseFileBytes(storage: Storage): FileBytes {
  return {
    kind: 'database',

    stage(): Promise<StagedBytes> {
      const blob = crypto.randomUUID()
      // One buffer for the whole upload: each chunk's insert has finished (and the driver let go
      // of it) before the buffer fills again, so a 200 MB file makes no 200 MB of garbage.
      const buffer = Buffer.allocUnsafe(chunkBytes)
      let filled = 0
      let n = 0
      const writeChunk = async (bytes: Uint8Array, sql: Sql = storage) => {
        await sql.query(
          'INSERT INTO file_chunks (blob, n, bytes, written_at) VALUES ($1, $2, $3, now())',
          [blob, n, bytes],
        )
        n += 1
      }
      return Promise.resolve({
        async write(chunk) {
          let offset = 0
          while (offset < chunk.length) {
            const taken = Math.min(chunkBytes - filled, chunk.length - offset)
            buffer.set(chunk.subarray(offset, offset + taken), filled)
            filled += taken
            offset += taken
            if (filled === chunkBytes) {
              await writeChunk(buffer)
              filled = 0
            }
          }
        },
        locationFor: () => blob,
        async keep(_sha256, tx) {
          // In the recording transaction: on PGlite the storage itself waits for it to end.
          if (filled > 0) await writeChunk(buffer.subarray(0, filled), tx)
          filled = 0
        },
        async discard() {
          filled = 0
          await storage.query('DELETE FROM file_chunks WHERE blob = $1', [blob])
        },
      })
    },

    async *read(location, start, end) {
      for (let n = Math.floor(start / chunkBytes); n <= Math.floor(end / chunkBytes); n += 1) {
        const [row] = await storage.query<{ bytes: Uint8Array }>(
          'SELECT bytes FROM file_chunks WHERE blob = $1 AND n = $2',
          [location, n],
        )
        if (!row)
          throw new Error(`A chunk of stored file bytes is missing (blob ${location}, ${n}).`)
        const from = Math.max(0, start - n * chunkBytes)
        const to = Math.min(row.bytes.length, end - n * chunkBytes + 1)
        yield row.bytes.subarray(from, to)
      }
    },

    async remove(location, tx) {
      await tx.query('DELETE FROM file_chunks WHERE blob = $1', [location])
    },

    async sweepStaged(olderThan) {
      const rows = await storage.query(
        `DELETE FROM file_chunks c
          WHERE c.blob IN (SELECT s.blob FROM file_chunks s
                            WHERE s.n = 0 AND s.written_at < $1
                              AND NOT EXISTS (SELECT 1 FROM files f WHERE f.location = s.blob::text))
          RETURNING n`,
        [olderThan.toISOString()],
      )
      return rows.filter((r) => Number(r.n) === 0).length
    },
  }
}
