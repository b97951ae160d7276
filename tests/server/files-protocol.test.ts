// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { aFile, getFile, putFile, putStream } from './support/evidence-files.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// DESIGN.md "Evidence files", the file protocol: PUT and GET /api/files/<sha256>.

const stream = (pieces: Uint8Array[], failAfter?: number) => {
  let i = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter)
        controller.error(new Error('connection reset'))
      else if (i < pieces.length) controller.enqueue(pieces[i++]!)
      else controller.close()
    },
  })
}

describe.each(testDrivers)('PUT /api/files/<sha256> on $name', (driver) => {
  const { storage } = useDatabase(driver)

  async function nothingStored() {
    expect(await countRows(storage(), 'files')).toBe(0)
    expect(await countRows(storage(), 'file_uploads')).toBe(0)
    expect(await countRows(storage(), 'file_chunks')).toBe(0)
  }

  it('stores a file once: 201 the first time, 200 when it is already held', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const photo = aFile()
    const first = await putFile(s, token, photo)
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({
      sha256: photo.sha256,
      size: photo.bytes.length,
      status: 'stored',
    })
    const again = await putFile(s, token, photo)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ status: 'held' })
    expect(await countRows(storage(), 'files')).toBe(1)
    expect(await s.files.has(photo.sha256)).toBe(true)
    const back = await getFile(s, token, photo.sha256)
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(photo.bytes)
  })

  it('refuses bytes that do not hash to the name, and keeps nothing', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const photo = aFile()
    const other = aFile('a different photo')
    const res = await putFile(s, token, { ...photo, sha256: other.sha256 })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'hash_mismatch' } })
    await nothingStored()
    expect(await s.files.has(other.sha256)).toBe(false)
  })

  it('answers a clear error for each bad request, storing nothing', async () => {
    const s = testServer(storage(), { maxFileBytes: 1000 })
    const token = await s.signIn('officer1')
    const photo = aFile()
    const cases: [Response, number, string][] = [
      [await putFile(s, null, photo), 401, 'unauthorized'],
      [await putFile(s, token, { ...photo, sha256: '../../etc/passwd' }), 404, 'not_found'],
      [
        await putFile(s, token, { ...photo, sha256: photo.sha256.toUpperCase() }),
        400,
        'invalid_file_name',
      ],
      [
        await putFile(s, token, { ...photo, sha256: photo.sha256.slice(1) }),
        400,
        'invalid_file_name',
      ],
      [
        await putFile(s, token, { ...photo, mediaType: 'text/html' }),
        415,
        'unsupported_media_type',
      ],
      [
        await putFile(s, token, { ...photo, mediaType: 'application/x-msdownload' }),
        415,
        'unsupported_media_type',
      ],
      [await putFile(s, token, aFile('')), 400, 'empty_file'],
      [await putFile(s, token, photo, { 'content-length': '10 bytes' }), 400, 'invalid_body'],
      [await putFile(s, token, aFile('x'.repeat(1001))), 413, 'payload_too_large'],
      [
        await putFile(s, token, photo, { 'content-length': String(10 ** 12) }),
        413,
        'payload_too_large',
      ],
    ]
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status)
      expect(await res.json()).toMatchObject({ error: { code } })
    }
    await nothingStored()
  })

  it('asks for the length when no Content-Length is sent (411)', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const photo = aFile()
    const res = await s.app.request(`/api/files/${photo.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': photo.mediaType, ...s.auth(token) },
      body: stream([photo.bytes]),
      duplex: 'half',
    })
    expect(res.status).toBe(411)
    expect(await res.json()).toMatchObject({ error: { code: 'length_required' } })
    await nothingStored()
  })

  it('keeps nothing of an upload cut short, or one that runs past its length or the limit', async () => {
    const s = testServer(storage(), { maxFileBytes: 3 * 1024 * 1024 })
    const token = await s.signIn('officer1')
    const piece = new Uint8Array(1024 * 1024).fill(7)
    const video = aFile('not these bytes')
    const cut = await putStream(s, token, video.sha256, stream([piece, piece], 1), 2 * piece.length)
    expect(cut.status).toBe(400)
    expect(await cut.json()).toMatchObject({ error: { code: 'incomplete_upload' } })
    const short = await putStream(s, token, video.sha256, stream([piece]), 2 * piece.length)
    expect(await short.json()).toMatchObject({ error: { code: 'incomplete_upload' } })
    const long = await putStream(
      s,
      token,
      video.sha256,
      stream([piece, piece, piece]),
      2 * piece.length,
    )
    expect(await long.json()).toMatchObject({ error: { code: 'incomplete_upload' } })
    const tooBig = await putStream(
      s,
      token,
      video.sha256,
      stream([piece, piece, piece, piece]),
      3 * piece.length,
    )
    expect(tooBig.status).toBe(413)
    await nothingStored()
    expect(await s.files.bytes.sweepStaged(new Date(Date.now() + 60_000))).toBe(0)
  }, 30_000)

  it('stores a file sent twice at once once, and both uploads succeed', async () => {
    const s = testServer(storage())
    const [one, two] = [await s.signIn('officer1'), await s.signIn('officer2')]
    const photo = aFile('the same photo from two tablets')
    const answers = await Promise.all([
      putFile(s, one, photo),
      putFile(s, two, photo),
      putFile(s, one, photo),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201])
    expect(await countRows(storage(), 'files')).toBe(1)
    expect(await countRows(storage(), 'file_uploads')).toBe(2)
    expect(await s.files.bytes.sweepStaged(new Date(Date.now() + 60_000))).toBe(0)
    const back = await getFile(s, two, photo.sha256)
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(photo.bytes)
  })

  it('is case work: an administrator gets 403', async () => {
    const s = testServer(storage())
    const res = await putFile(s, await s.signIn('admin1'), aFile())
    expect(res.status).toBe(403)
    await nothingStored()
  })
})

describe.each(testDrivers)('GET /api/files/<sha256> on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('serves the bytes as uploaded, private to the browser, never sniffed, under a safe name', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const recording = aFile('RIFF....WAVE the music at 2am', 'audio/wav')
    await putFile(s, token, recording, { 'content-type': 'audio/wav; codecs=1' })
    const res = await getFile(s, token, recording.sha256)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('cache-control')).toBe('private')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="evidence-${recording.sha256.slice(0, 12)}.wav"`,
    )
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(recording.bytes)
  })

  it('serves parts of a file for players that seek (Range), and 416 past the end', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const text = '0123456789abcdefghij'
    const file = aFile(text, 'text/plain')
    await putFile(s, token, file)
    const part = async (range: string) => {
      const res = await getFile(s, token, file.sha256, { range })
      return { status: res.status, range: res.headers.get('content-range'), body: await res.text() }
    }
    expect(await part('bytes=0-9')).toEqual({
      status: 206,
      range: 'bytes 0-9/20',
      body: '0123456789',
    })
    expect(await part('bytes=15-')).toEqual({ status: 206, range: 'bytes 15-19/20', body: 'fghij' })
    expect(await part('bytes=-3')).toEqual({ status: 206, range: 'bytes 17-19/20', body: 'hij' })
    expect(await part('bytes=18-99')).toEqual({ status: 206, range: 'bytes 18-19/20', body: 'ij' })
    expect(await part('bytes=0-1,5-6')).toEqual({ status: 200, range: null, body: text })
    const past = await getFile(s, token, file.sha256, { range: 'bytes=20-' })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe('bytes */20')
  })

  it('serves ranges across the chunks a large file is kept in', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const bytes = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 31) % 251)
    const { createHash } = await import('node:crypto')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    expect((await putFile(s, token, { bytes, sha256, mediaType: 'video/mp4' })).status).toBe(201)
    const start = 1024 * 1024 - 10
    const res = await getFile(s, token, sha256, {
      range: `bytes=${start}-${start + 1024 * 1024 + 19}`,
    })
    expect(res.status).toBe(206)
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(
      bytes.subarray(start, start + 1024 * 1024 + 20),
    )
    const whole = await getFile(s, token, sha256)
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes)
  }, 30_000)

  it('answers 404 for a file that is not held, 400 for a name that is not a SHA-256', async () => {
    const s = testServer(storage())
    const token = await s.signIn('manager1')
    const absent = await getFile(s, token, aFile('never uploaded').sha256)
    expect(absent.status).toBe(404)
    expect((await getFile(s, token, 'not-a-hash')).status).toBe(400)
  })
})
