import type { CasebookDb } from './database.ts'

// An audio recording is written as it is made, one chunk a second (MediaRecorder's timeslice),
// so a closed app, a flat battery or a crash loses at most the last second. A recording whose
// chunks are still here when the app opens was never finished: it is offered back ("Recovered
// recording") to attach or discard. Chunks leave once the recording is attached or discarded.

export type RecordingStart = { recordingId: string; matterId: string; startedAt: string; mediaType: string }

export async function appendRecordingChunk(db: CasebookDb, start: RecordingStart, blob: Blob): Promise<void> {
  if (blob.size === 0) return
  await db.recordingChunks.add({ ...start, blob })
}

export type UnfinishedRecording = RecordingStart & { blob: Blob }

/** A recording's chunks, in order, as one file. */
export async function recordingOf(db: CasebookDb, recordingId: string): Promise<UnfinishedRecording | undefined> {
  const chunks = await db.recordingChunks.where('recordingId').equals(recordingId).sortBy('id')
  const first = chunks[0]
  if (!first) return undefined
  const { recordingId: id, matterId, startedAt, mediaType } = first
  return { recordingId: id, matterId, startedAt, mediaType, blob: new Blob(chunks.map((c) => c.blob), { type: mediaType }) }
}

/** Recordings left unfinished on this device for a matter (or all of them). */
export async function unfinishedRecordings(db: CasebookDb, matterId?: string): Promise<UnfinishedRecording[]> {
  const chunks = await db.recordingChunks.toArray()
  const ids = [...new Set(chunks.filter((c) => !matterId || c.matterId === matterId).map((c) => c.recordingId))]
  const recordings = await Promise.all(ids.map((id) => recordingOf(db, id)))
  return recordings.filter((r): r is UnfinishedRecording => r !== undefined)
}

/** The recording was attached to an entry (its bytes now in `files`) or discarded. */
export async function clearRecording(db: CasebookDb, recordingId: string): Promise<void> {
  await db.recordingChunks.where('recordingId').equals(recordingId).delete()
}
