// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { aMatter, manager, officer, otherOfficer } from './support/matters.ts'
import { aFile, evidenceWith, getFile, putFile } from './support/evidence-files.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// DESIGN.md "Evidence files": the server accepts an event only when it holds every file the event
// references; a missing file is a retryable answer, not a permanent rejection. Who may read a file
// follows who may see the matters that reference it.

describe.each(testDrivers)('events that reference files on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('holds back an event whose file is not uploaded yet, and accepts it after the upload', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter(1).reported()
    const photo = aFile()
    const evidence = evidenceWith(m, officer, [photo])
    const first = await s.push(token, [...m.events, evidence])
    expect(first.map((r) => r.status)).toEqual(['accepted', 'missing_files'])
    expect(first[1]).toEqual({ id: evidence.id, status: 'missing_files', missing: [photo.sha256] })
    expect(await countRows(storage(), 'events')).toBe(1)
    expect(await countRows(storage(), 'file_refs')).toBe(0)

    expect((await putFile(s, token, photo)).status).toBe(201)
    const again = await s.push(token, [evidence])
    expect(again).toEqual([{ id: evidence.id, status: 'accepted', seq: 2 }])
    const refs = await storage().query<{ sha256: string; matter_id: string; event_id: string }>(
      'SELECT sha256, matter_id, event_id FROM file_refs',
    )
    expect(refs).toEqual([{ sha256: photo.sha256, matter_id: m.matterId, event_id: evidence.id }])
  })

  it('names only the missing files, holds back later events of the same matter, and goes on with other matters', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const [held, absent] = [aFile('uploaded'), aFile('still on the tablet')]
    await putFile(s, token, held)
    const one = aMatter(1).reported()
    const two = aMatter(2).reported()
    await s.push(token, [...one.events, ...two.events])
    const waiting = evidenceWith(one, officer, [held, absent])
    const after = evidenceWith(one, officer, [])
    const other = evidenceWith(two, officer, [held])
    const results = await s.push(token, [waiting, after, other])
    expect(results).toEqual([
      { id: waiting.id, status: 'missing_files', missing: [absent.sha256] },
      { id: after.id, status: 'missing_files', missing: [absent.sha256] },
      { id: other.id, status: 'accepted', seq: 3 },
    ])
  })

  it('refuses for good an event the rules refuse, whether or not its files are held', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const m = aMatter(1).reported()
    await s.push(token, m.events)
    const photo = aFile()
    const noMatter = evidenceWith(aMatter(9), officer, [photo])
    const [result] = await s.push(token, [noMatter])
    expect(result?.status).toBe('rejected')
  })

  it('does not let a hash stand for the bytes: a file someone else uploaded must be uploaded again', async () => {
    const s = testServer(storage())
    const [olivia, tom] = [await s.signIn('officer1'), await s.signIn('officer2')]
    const photo = aFile('a photo only Olivia has')
    await putFile(s, olivia, photo)
    const toms = aMatter(2).as(otherOfficer).reported()
    await s.push(tom, toms.events)
    const claim = evidenceWith(toms, otherOfficer, [photo])
    expect((await s.push(tom, [claim]))[0]).toMatchObject({
      status: 'missing_files',
      missing: [photo.sha256],
    })
    expect((await getFile(s, tom, photo.sha256)).status).toBe(404)
    // Sending the bytes proves he has them.
    expect((await putFile(s, tom, photo)).status).toBe(200)
    expect((await s.push(tom, [claim]))[0]).toMatchObject({ status: 'accepted' })
  })

  it('serves a file to its uploader and to whoever may see a matter that references it; 404 to anyone else', async () => {
    const s = testServer(storage())
    const [olivia, tom, priya] = [
      await s.signIn('officer1'),
      await s.signIn('officer2'),
      await s.signIn('manager1'),
    ]
    const photo = aFile()
    await putFile(s, olivia, photo)
    const status = async (token: string) => (await getFile(s, token, photo.sha256)).status
    expect(await status(olivia)).toBe(200)
    expect(await status(tom)).toBe(404)

    // Olivia's matter, assigned to her: Tom does not see it, so neither its files.
    const m = aMatter(1).reported().assigned(officer)
    const evidence = evidenceWith(m, officer, [photo])
    await s.push(olivia, [...m.events, evidence])
    expect(await status(tom)).toBe(404)
    expect(await status(priya)).toBe(200)
    const unknown = await getFile(s, tom, aFile('never uploaded').sha256)
    expect(await (await getFile(s, tom, photo.sha256)).json()).toEqual(await unknown.json())

    // Reassigned to Tom by the manager: he now sees the matter, and its photo.
    const handedOver = m.as(manager).assigned(otherOfficer).last()
    expect((await s.push(priya, [handedOver]))[0]).toMatchObject({ status: 'accepted' })
    expect(await status(tom)).toBe(200)
  })
})
