import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { DiaryEntryRequest } from '../../src/api/public-diary.ts'
import type { DiaryApi, SendAnswer } from '../../src/diary/diary-api.ts'
import type { FormWords } from '../../src/diary/entry-form.ts'
import { holdFile, readEntry } from '../../src/diary/entry-form.ts'
import { entryStatus } from '../../src/diary/entry-list.ts'
import type { StoredEntry } from '../../src/diary/entry-store.ts'
import { entriesFor, openDiaryStore, saveEntry } from '../../src/diary/entry-store.ts'
import { tokenFromPath } from '../../src/diary/link-token.ts'
import { markListedAsSent, sendUnsent } from '../../src/diary/outbox.ts'

// The logic of the complainant's diary page: what an entry needs (R5), how it is kept on the
// phone until the council has it, and how the page says where each entry is.

const now = new Date('2026-12-05T21:00:00.000Z')
const token = 'a'.repeat(43)
let dbCount = 0
const freshDb = () => openDiaryStore(`diary-test-${++dbCount}`)
let idCount = 0
const newId = () => `0193a000-0000-7000-8000-${String(++idCount).padStart(12, '0')}`

const words = (over: Partial<FormWords> = {}): FormWords => ({
  happenedAt: '2026-12-05T20:30',
  location: 'Outside my front door',
  who: 'The man from number 14',
  what: 'Kicked my door and shouted abuse.',
  impact: 'I was frightened to go out.',
  ...over,
})

function stored(over: Partial<StoredEntry> = {}): StoredEntry {
  const read = readEntry(words(), [], newId(), now)
  if (!read.ok) throw new Error('The example entry should be valid.')
  return { id: read.entry.id, token, entry: read.entry, files: [], savedAt: now.toISOString(), sentAt: null, ...over }
}

/** A council server double: answers each send with the next answer given, and records what came. */
function councilAnswering(...answers: SendAnswer[]): DiaryApi & { received: DiaryEntryRequest[] } {
  const received: DiaryEntryRequest[] = []
  return {
    received,
    page: () => Promise.resolve({ kind: 'offline' }),
    send: (_token, entry) => {
      received.push(entry)
      return Promise.resolve(answers.shift() ?? { kind: 'retry' })
    },
  }
}

describe('the diary page: writing an entry', () => {
  it.each([
    ['what happened', { what: ' ' }, 'what', 'What happened is required.'],
    ['the impact on them', { impact: '' }, 'impact', 'The impact on the complainant is required.'],
    ['when it happened', { happenedAt: '' }, 'happenedAt', 'Say when it happened.'],
  ] as const)('R5: an entry needs %s, said beside that question', (_, change, field, message) => {
    const read = readEntry(words(change), [], newId(), now)
    expect(read).toEqual({ ok: false, errors: { [field]: message } })
  })

  it('refuses a time in the future, and takes an entry with everything R5 asks for', () => {
    expect(readEntry(words({ happenedAt: '2026-12-06T09:00' }), [], newId(), now)).toMatchObject({
      ok: false,
      errors: { happenedAt: 'When it happened cannot be in the future.' },
    })
    const read = readEntry(words(), [], newId(), now)
    expect(read.ok && read.entry).toMatchObject({ location: 'Outside my front door', impact: 'I was frightened to go out.' })
  })

  it('names a photo by the SHA-256 of its bytes, and refuses files it cannot send', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    // Worked out apart from the page's code: sha256sum of these seven bytes.
    const expected = '474ebe266cd7f9ed28807fa3fdfe0c04cdb3cef9313cdda5c08b15910fcc8184'
    const held = await holdFile(new File([bytes], 'C:\\photos\\door.jpg', { type: 'image/jpeg' }))
    expect(held).toMatchObject({
      ok: true,
      file: { sha256: expected, size: 7, mediaType: 'image/jpeg' },
    })
    const read = held.ok ? readEntry(words(), [held.file], newId(), now) : null
    expect(read?.ok && read.entry.files).toEqual([expect.objectContaining({ name: 'door.jpg', size: 7 })])
    expect(await holdFile(new File([bytes], 'run.exe', { type: 'application/x-msdownload' }))).toEqual({
      ok: false,
      message: 'run.exe: this kind of file cannot be added.',
    })
    expect(await holdFile(new File([], 'empty.jpg', { type: 'image/jpeg' }))).toMatchObject({ ok: false })
  })

  it('reads its link from /diary/<token> and nothing else', () => {
    expect(tokenFromPath(`/diary/${token}`)).toBe(token)
    expect(tokenFromPath(`/diary/${token}/`)).toBe(token)
    expect(tokenFromPath('/diary/')).toBeNull()
    expect(tokenFromPath('/diary/short')).toBeNull()
    expect(tokenFromPath(`/matters/${token}`)).toBeNull()
  })
})

describe('the diary page: keeping entries until the council has them', () => {
  it('sends saved entries oldest first and marks each sent with the day the council took it', async () => {
    const db = await freshDb()
    const first = stored({ savedAt: '2026-12-05T20:00:00.000Z' })
    const second = stored({ savedAt: '2026-12-05T20:05:00.000Z' })
    await saveEntry(db, second)
    await saveEntry(db, first)
    const council = councilAnswering({ kind: 'sent', sentAt: '2026-12-05T21:00:00.000Z' }, { kind: 'sent', sentAt: '2026-12-05T21:00:01.000Z' })
    expect(await sendUnsent(db, token, council)).toEqual({ sent: 2, waiting: 0, ended: false })
    expect(council.received.map((e) => e.id)).toEqual([first.id, second.id])
    const after = await entriesFor(db, token)
    expect(after.map((e) => entryStatus(e))).toEqual([
      'Sent to the council on Sat 5 Dec 2026',
      'Sent to the council on Sat 5 Dec 2026',
    ])
  })

  it('keeps an entry that could not be sent, and sends it on the next try', async () => {
    const db = await freshDb()
    const entry = stored()
    await saveEntry(db, entry)
    expect(await sendUnsent(db, token, councilAnswering({ kind: 'retry' }))).toEqual({ sent: 0, waiting: 1, ended: false })
    const [kept] = await entriesFor(db, token)
    expect(kept && entryStatus(kept)).toBe('Saved on this phone. It will be sent when you are online.')
    expect(await sendUnsent(db, token, councilAnswering({ kind: 'sent', sentAt: now.toISOString() }))).toMatchObject({ sent: 1 })
  })

  it('does not hold entries in words behind one whose photos cannot go yet', async () => {
    const db = await freshDb()
    const photo = { sha256: 'f'.repeat(64), name: 'door.jpg', mediaType: 'image/jpeg', size: 3, blob: new Blob(['abc']) }
    await saveEntry(db, stored({ savedAt: '2026-12-05T20:00:00.000Z', files: [photo] }))
    const inWords = stored({ savedAt: '2026-12-05T20:01:00.000Z' })
    await saveEntry(db, inWords)
    const council = councilAnswering({ kind: 'retry' }, { kind: 'sent', sentAt: now.toISOString() })
    expect(await sendUnsent(db, token, council)).toEqual({ sent: 1, waiting: 1, ended: false })
    const after = await entriesFor(db, token)
    expect(after.map((e) => [e.files.length, e.sentAt])).toEqual([
      [1, null],
      [0, now.toISOString()],
    ])
  })

  it('stops at a link that no longer works, keeping every unsent entry to show', async () => {
    const db = await freshDb()
    await saveEntry(db, stored({ savedAt: '2026-12-05T20:00:00.000Z' }))
    await saveEntry(db, stored({ savedAt: '2026-12-05T20:01:00.000Z' }))
    const council = councilAnswering({ kind: 'ended' })
    expect(await sendUnsent(db, token, council)).toEqual({ sent: 0, waiting: 2, ended: true })
    expect(council.received).toHaveLength(1)
    expect((await entriesFor(db, token)).map((e) => e.sentAt)).toEqual([null, null])
  })

  it('shows why an entry was not accepted, and does not send it again and again', async () => {
    const db = await freshDb()
    await saveEntry(db, stored())
    await sendUnsent(db, token, councilAnswering({ kind: 'refused', message: 'When it happened cannot be in the future.' }))
    const [kept] = await entriesFor(db, token)
    expect(kept && entryStatus(kept)).toBe('Not sent: When it happened cannot be in the future.')
    const council = councilAnswering()
    await sendUnsent(db, token, council)
    expect(council.received).toEqual([])
  })

  it('marks sent an entry the council lists though its answer never reached the phone; other links’ entries are apart', async () => {
    const db = await freshDb()
    const entry = stored()
    await saveEntry(db, entry)
    await saveEntry(db, stored({ token: 'b'.repeat(43) }))
    await markListedAsSent(db, token, [{ id: entry.id, sentAt: '2026-12-05T21:00:00.000Z' }])
    const mine = await entriesFor(db, token)
    expect(mine.map((e) => [e.id, e.sentAt])).toEqual([[entry.id, '2026-12-05T21:00:00.000Z']])
  })
})
