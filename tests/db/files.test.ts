import { afterEach, describe, expect, it } from 'vitest'
import type { CasebookDb } from '../../src/db/database.ts'
import { clearDeviceData } from '../../src/db/device.ts'
import { applyFileBudget, fileStorageUse, freeFileSpace, keepFetchedFile } from '../../src/db/file-budget.ts'
import type { CapturedFile } from '../../src/db/files.ts'
import { filesNotUploaded, markUploaded, uploadFailed, uploadsDue } from '../../src/db/files.ts'
import { recordEvent } from '../../src/db/record-event.ts'
import type { StepInput } from '../../src/db/record-event.ts'
import { appendRecordingChunk, unfinishedRecordings } from '../../src/db/recordings.ts'
import { sha256Hex } from '../../src/sync/file-hash.ts'
import { freshDb, newMatterId, officer, phoneReport, recordOk } from './db-fixtures.ts'

// Evidence files on the device (issue 12): stored with the step that references them, queued for
// the server, recordings kept as they are made, and a budget that never frees the only copy.

let db: CasebookDb
afterEach(async () => {
  await db.delete()
})

async function captured(text: string, mediaType = 'image/png', name = 'fence.png'): Promise<CapturedFile> {
  const blob = new Blob([text], { type: mediaType })
  return { sha256: await sha256Hex(blob), blob, mediaType, name, capturedAt: '2026-11-03T09:55:00.000Z' }
}

const refOf = (f: CapturedFile) => ({ sha256: f.sha256, size: f.blob.size, mediaType: f.mediaType, name: f.name, capturedAt: f.capturedAt })

function contactWith(matterId: string, files: CapturedFile[], refs = files.map(refOf)): StepInput {
  return {
    matterId,
    type: 'contactMade',
    payload: { method: 'visit', direction: 'outbound', summary: 'Saw the damaged fence.', files: refs },
    files,
  }
}

describe('files recorded with a step', () => {
  it('writes the event, its outbox entry, the files and their upload queue entries together', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const photo = await captured('png bytes of the fence')
    const audio = await captured('webm bytes of the music', 'audio/webm', 'Recording.webm')
    const { event } = await recordOk(db, contactWith(matterId, [photo, audio]), '2026-11-03T10:00:00.000Z')

    expect(await db.outbox.get(event.id)).toMatchObject({ status: 'pending' })
    const rows = await db.files.bulkGet([photo.sha256, audio.sha256])
    expect(rows.map((r) => [r?.state, r?.size, r?.matterId, r?.name])).toEqual([
      ['local', photo.blob.size, matterId, 'fence.png'],
      ['local', audio.blob.size, matterId, 'Recording.webm'],
    ])
    expect(await rows[0]!.blob!.text()).toBe('png bytes of the fence')
    expect((await uploadsDue(db, '2026-11-03T10:00:00.000Z')).map((u) => u.sha256).sort()).toEqual([photo.sha256, audio.sha256].sort())
  })

  it('a step the domain refuses stores neither the event nor the files', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const photo = await captured('png bytes')
    const input = contactWith(matterId, [photo])
    const result = await recordEvent(db, officer, { ...input, payload: { ...(input.payload as object), summary: '' } }, '2026-11-03T10:00:00.000Z')

    expect(result.ok).toBe(false)
    expect(await db.files.count()).toBe(0)
    expect(await db.uploadQueue.count()).toBe(0)
    expect(await db.outbox.count()).toBe(1)
  })

  it('refuses an entry that names a file whose bytes it was not given, and writes nothing', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const photo = await captured('png bytes')
    const other = await captured('other bytes')
    const result = await recordEvent(db, officer, contactWith(matterId, [photo], [refOf(photo), refOf(other)]), '2026-11-03T10:00:00.000Z')

    expect(result).toMatchObject({ ok: false, refusal: { code: 'file_missing' } })
    expect(await db.events.count()).toBe(1)
    expect(await db.files.count()).toBe(0)
  })

  it('a storage failure part-way rolls back the event and the files alike', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const photo = await captured('png bytes')
    // The upload queue's write fails inside the step's transaction (a broken device, a full disk).
    db.uploadQueue.hook('creating', () => {
      throw new Error('disk full')
    })
    await expect(recordEvent(db, officer, contactWith(matterId, [photo]), '2026-11-03T10:00:00.000Z')).rejects.toThrow()
    expect(await db.events.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
    expect(await db.files.count()).toBe(0)
  })

  it('an event waits for its files: uploaded ones leave the queue, failed ones back off', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const [a, b] = [await captured('a'), await captured('b')]
    await recordOk(db, contactWith(matterId, [a, b]), '2026-11-03T10:00:00.000Z')

    await markUploaded(db, a.sha256)
    await uploadFailed(db, b.sha256, 'offline', '2026-11-03T10:05:00.000Z')
    expect([...(await filesNotUploaded(db, [a.sha256, b.sha256]))]).toEqual([b.sha256])
    expect(await uploadsDue(db, '2026-11-03T10:01:00.000Z')).toEqual([])
    expect((await uploadsDue(db, '2026-11-03T10:05:00.000Z')).map((u) => [u.sha256, u.attempts])).toEqual([[b.sha256, 1]])
    expect((await db.files.get(a.sha256))?.state).toBe('uploaded')
  })

  it('sign-out is refused while a file waits to be uploaded: it exists nowhere else', async () => {
    db = freshDb()
    const matterId = newMatterId()
    const report = await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const photo = await captured('png bytes')
    const contact = await recordOk(db, contactWith(matterId, [photo]), '2026-11-03T10:00:00.000Z')
    await db.outbox.bulkDelete([report.event.id, contact.event.id])

    expect(await clearDeviceData(db)).toEqual({ ok: false, pending: 0, files: 1 })
    await markUploaded(db, photo.sha256)
    expect(await clearDeviceData(db)).toEqual({ ok: true })
    expect(await db.files.count()).toBe(0)
  })
})

describe('recordings saved as they are made', () => {
  it('an app closed mid-recording finds the recording again, every chunk in order', async () => {
    db = freshDb()
    const start = { recordingId: 'rec-1', matterId: 'm-1', startedAt: '2026-11-03T23:10:00.000Z', mediaType: 'audio/webm' }
    for (const second of ['one ', 'two ', 'three']) await appendRecordingChunk(db, start, new Blob([second]))
    db.close()
    await db.open()

    const [recording, ...others] = await unfinishedRecordings(db, 'm-1')
    expect(others).toEqual([])
    expect(recording).toMatchObject({ recordingId: 'rec-1', startedAt: start.startedAt })
    expect(await recording!.blob.text()).toBe('one two three')
    expect(await unfinishedRecordings(db, 'another-matter')).toEqual([])
  })

  it('a recording attached to an entry leaves the chunks in the same transaction', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const start = { recordingId: 'rec-2', matterId, startedAt: '2026-11-03T23:10:00.000Z', mediaType: 'audio/webm' }
    await appendRecordingChunk(db, start, new Blob(['music at 2am']))
    const [recording] = await unfinishedRecordings(db, matterId)
    const file = { ...(await captured('music at 2am', 'audio/webm', 'Recording.webm')), recordingId: 'rec-2' }
    expect(file.sha256).toBe(await sha256Hex(recording!.blob))
    await recordOk(db, contactWith(matterId, [file]), '2026-11-03T23:20:00.000Z')

    expect(await unfinishedRecordings(db)).toEqual([])
    expect(await db.files.get(file.sha256)).toMatchObject({ state: 'local' })
  })
})

describe('the storage budget for files', () => {
  const fetched = (sha256: string, matterId: string, size: number) => ({
    sha256,
    blob: new Blob([new Uint8Array(size)]),
    mediaType: 'image/jpeg',
    size,
    name: `${sha256}.jpg`,
    matterId,
    capturedAt: '2026-11-01T10:00:00.000Z',
  })

  it('frees the least recently opened copies first, and never a file not yet uploaded', async () => {
    db = freshDb()
    const matterId = newMatterId()
    await recordOk(db, phoneReport(matterId), '2026-11-03T09:00:00.000Z')
    const mine = await captured('x'.repeat(400))
    await recordOk(db, contactWith(matterId, [mine]), '2026-11-03T10:00:00.000Z')
    await keepFetchedFile(db, fetched('a'.repeat(64), matterId, 300), '2026-11-04T10:00:00.000Z')
    await keepFetchedFile(db, fetched('b'.repeat(64), matterId, 300), '2026-11-05T10:00:00.000Z')

    expect(await applyFileBudget(db, new Set(), 800)).toBe(300)
    expect((await db.files.get('a'.repeat(64)))?.blob).toBeNull()
    expect((await db.files.get('b'.repeat(64)))?.blob).not.toBeNull()

    // "Free space" empties every copy the server holds; the officer's own capture stays.
    expect(await freeFileSpace(db)).toBe(300)
    expect(await fileStorageUse(db)).toMatchObject({ used: 400, notUploaded: 400, freeable: 0, count: 1 })
    expect((await db.files.get(mine.sha256))?.blob).not.toBeNull()
  })
})
