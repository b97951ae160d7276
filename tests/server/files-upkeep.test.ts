// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeOrphanFiles } from '../../src/server/files/orphan-files.ts'
import { verifyFiles } from '../../src/server/files/verify-files.ts'
import type { LogEntry } from '../../src/server/logging/log.ts'
import { startScheduler } from '../../src/server/scheduler/scheduler.ts'
import { aFile, evidenceWith, getFile, putFile } from './support/evidence-files.ts'
import { aMatter, officer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { countRows, testNow, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Keeping the server's files: orphans (uploaded, never referenced) go after ORPHAN_FILE_HOURS,
// referenced files never; and a file whose bytes changed on disk is found and named.

const hours = (n: number) => n * 3_600_000
const at = (h: number) => new Date(Date.parse(testNow) + hours(h))

describe.each(testDrivers)('orphan files and verification on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('removes a file never referenced once nobody has uploaded it for the set hours, and never a referenced one', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const [orphan, evidence] = [aFile('uploaded, entry never sent'), aFile('in the matter')]
    await putFile(s, token, orphan)
    await putFile(s, token, evidence)
    const m = aMatter(1).reported()
    await s.push(token, [...m.events, evidenceWith(m, officer, [evidence])])

    expect(await removeOrphanFiles(s.files, at(71), hours(72))).toMatchObject({ files: 0 })
    expect(await s.files.has(orphan.sha256)).toBe(true)
    // Uploaded again at hour 71: its clock starts again.
    s.clock.now = at(71)
    const later = await s.signIn('officer1')
    expect((await putFile(s, later, orphan)).status).toBe(200)
    expect(await removeOrphanFiles(s.files, at(100), hours(72))).toMatchObject({ files: 0 })
    expect(await removeOrphanFiles(s.files, at(144), hours(72))).toMatchObject({ files: 1 })
    expect(await s.files.has(orphan.sha256)).toBe(false)
    expect((await getFile(s, later, orphan.sha256)).status).toBe(404)
    expect(await countRows(storage(), 'file_uploads')).toBe(1)

    expect(await removeOrphanFiles(s.files, at(24 * 365), hours(72))).toMatchObject({ files: 0 })
    const kept = await getFile(s, later, evidence.sha256)
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(evidence.bytes)
    // Its bytes went with it: nothing of the orphan is left in the store.
    expect(await verifyFiles(s.files)).toEqual({ checked: 1, faults: [] })
    if (driver.name === 'postgres') expect(await countRows(storage(), 'file_chunks')).toBe(1)
  })

  it('runs the orphan sweep on the scheduler', async () => {
    const s = testServer(storage())
    await putFile(s, await s.signIn('officer1'), aFile())
    const logs: LogEntry[] = []
    const scheduler = startScheduler({
      storage: storage(),
      log: (e) => logs.push(e),
      clock: () => at(73),
      intervalMs: 60_000,
      files: { store: s.files, orphanAfterMs: hours(72) },
    })
    await scheduler.tick()
    await scheduler.stop()
    expect(await countRows(storage(), 'files')).toBe(0)
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'scheduler', orphanFiles: 1 }))
  })

  it('names a stored file whose bytes no longer match its name (a flipped bit)', async () => {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const [good, bad] = [aFile('kept well'), aFile('a bit will flip in this one')]
    await putFile(s, token, good)
    await putFile(s, token, bad)
    expect(await verifyFiles(s.files)).toEqual({ checked: 2, faults: [] })

    const [row] = await storage().query<{ location: string }>(
      'SELECT location FROM files WHERE sha256 = $1',
      [bad.sha256],
    )
    if (s.files.bytes.kind === 'directory') {
      const root = s.files.bytes.root
      if (!root) throw new Error('The directory store does not say where it is.')
      const path = join(root, row!.location)
      const bytes = readFileSync(path)
      bytes[3] = bytes[3]! ^ 0b0000_0100
      writeFileSync(path, bytes)
    } else {
      await storage().query(
        `UPDATE file_chunks SET bytes = set_byte(bytes, 3, get_byte(bytes, 3) # 4) WHERE blob = $1 AND n = 0`,
        [row!.location],
      )
    }
    expect(await verifyFiles(s.files)).toEqual({
      checked: 2,
      faults: [{ sha256: bad.sha256, problem: 'changed' }],
    })
  })
})
