import type { FileStore } from './file-store.ts'

// Files uploaded and never referenced by an accepted event (a device that uploaded, then had its
// entry refused or lost, a probe) are removed once nobody has uploaded them for `orphanAfterMs`
// (env ORPHAN_FILE_HOURS, default 72 h): long enough for a device offline over a weekend to push
// the entry that references its upload. A referenced file is never removed: the query skips it
// and file_refs' foreign key would refuse it anyway (a push recording a reference at the same
// moment makes this file's deletion fail, and the next tick finds it referenced).

/** Staged bytes older than this are an upload cut short by a crash, never one still running. */
const stagedLifetimeMs = 24 * 60 * 60 * 1000

export type OrphanSweep = { files: number; staged: number }

export async function removeOrphanFiles(
  files: FileStore,
  now: Date,
  orphanAfterMs: number,
): Promise<OrphanSweep> {
  const cutoff = new Date(now.getTime() - orphanAfterMs).toISOString()
  const candidates = await files.storage.query<{ sha256: string }>(
    `SELECT sha256 FROM files f
      WHERE last_upload_at < $1 AND NOT EXISTS (SELECT 1 FROM file_refs r WHERE r.sha256 = f.sha256)
      ORDER BY last_upload_at LIMIT 1000`,
    [cutoff],
  )
  let removed = 0
  for (const { sha256 } of candidates) {
    // One file, one transaction: the row and its bytes go together, decided again under the
    // row's lock (an upload or a reference in between keeps it).
    const gone = await files.storage.transaction(async (tx) => {
      const [row] = await tx.query<{ location: string }>(
        `DELETE FROM files f
          WHERE sha256 = $1 AND last_upload_at < $2
            AND NOT EXISTS (SELECT 1 FROM file_refs r WHERE r.sha256 = f.sha256)
          RETURNING location`,
        [sha256, cutoff],
      )
      if (!row) return false
      await files.bytes.remove(row.location, tx)
      return true
    })
    if (gone) removed += 1
  }
  const staged = await files.bytes.sweepStaged(new Date(now.getTime() - stagedLifetimeMs))
  return { files: removed, staged }
}
