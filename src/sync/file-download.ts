import type { CasebookDb } from '../db/database.ts'
import { keepFetchedFile, touchFile } from '../db/file-budget.ts'
import { fileRow } from '../db/files.ts'
import type { FileRef } from '../domain/files.ts'
import { sha256Hex } from './file-hash.ts'
import type { HttpClient } from './http-client.ts'

// Opening a file (DESIGN.md "Evidence files"): from this device when it has the bytes, else from
// the server by hash, checked against that hash, and kept for offline use within the budget.
// A first sync downloads no files: only the ones an officer opens.

export type OpenedFile = { ok: true; blob: Blob; fetched: boolean } | { ok: false; message: string }

export async function openFile(
  deps: { db: CasebookDb; http: HttpClient; token: string | null; now: () => string },
  file: FileRef,
  matterId: string,
): Promise<OpenedFile> {
  const { db, http, now } = deps
  const held = await fileRow(db, file.sha256)
  if (held?.blob) {
    await touchFile(db, file.sha256, now())
    return { ok: true, blob: held.blob, fetched: false }
  }
  if (!deps.token) return { ok: false, message: 'Sign in again to fetch this file from the server.' }
  const result = await http.getFile(deps.token, file.sha256)
  if (!result.ok) {
    if (result.status === 0) return { ok: false, message: 'This file is not on this device yet, and the server cannot be reached. Try again when you have signal.' }
    if (result.status === 404) return { ok: false, message: 'The server does not have this file yet: the device that captured it has not sent it.' }
    return { ok: false, message: result.message }
  }
  // The bytes must be the ones the entry names: anything else is not this evidence.
  if ((await sha256Hex(result.value)) !== file.sha256) {
    return { ok: false, message: 'The file that arrived does not match the one recorded (its SHA-256 differs), so it is not shown. Try again.' }
  }
  const blob = new Blob([result.value], { type: file.mediaType })
  await keepFetchedFile(db, { sha256: file.sha256, blob, mediaType: file.mediaType, size: blob.size, name: file.name, matterId, capturedAt: file.capturedAt ?? now() }, now())
  return { ok: true, blob, fetched: true }
}
