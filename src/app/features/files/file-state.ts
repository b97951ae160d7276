import type { FileRow, UploadRow } from '../../../db/rows.ts'

// Where a file is, in the officer's words (issue 12): on this device only, on its way, or safe on
// the server. A file this device never held was sent by the device that captured it: the server
// accepted its entry only once it held the file.

export function fileStateText(row: FileRow | undefined, queued: UploadRow | undefined, entrySynced: boolean): string {
  if (!row) return entrySynced ? 'Safe on the server' : 'On this device only'
  if (row.state === 'uploaded') return 'Safe on the server'
  if (row.state === 'uploading') return `Uploading ${row.size > 0 ? Math.floor((100 * row.bytesSent) / row.size) : 0}%`
  return queued?.lastError ? `On this device only (not sent yet: ${queued.lastError})` : 'On this device only'
}
