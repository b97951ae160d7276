import { createHash } from 'node:crypto'
import type { FileStore } from './file-store.ts'

// The bytes were checked against their name when they arrived; this checks them again, as they
// are now (a disk's flipped bit, a restored backup, a hand that edited a file). Every stored file
// is read and re-hashed a piece at a time; the report names each whose bytes no longer match.

export type FileFault = {
  sha256: string
  problem: 'changed' | 'unreadable' | 'wrong_size'
  detail?: string
}
export type FilesVerification = { checked: number; faults: FileFault[] }

export async function verifyFiles(files: FileStore): Promise<FilesVerification> {
  const rows = await files.storage.query<{
    sha256: string
    size: string | number
    location: string
  }>('SELECT sha256, size, location FROM files ORDER BY sha256')
  const faults: FileFault[] = []
  for (const row of rows) {
    const size = Number(row.size)
    const hash = createHash('sha256')
    let read = 0
    try {
      for await (const piece of files.bytes.read(row.location, 0, size - 1)) {
        hash.update(piece)
        read += piece.length
      }
    } catch (error) {
      faults.push({ sha256: row.sha256, problem: 'unreadable', detail: (error as Error).message })
      continue
    }
    if (read !== size) faults.push({ sha256: row.sha256, problem: 'wrong_size' })
    else if (hash.digest('hex') !== row.sha256)
      faults.push({ sha256: row.sha256, problem: 'changed' })
  }
  return { checked: rows.length, faults }
}
