// @vitest-environment node
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createFileStore, fileBytesFor } from '../../src/server/files/file-store.ts'
import { migrate } from '../../src/server/storage/migrate.ts'
import { openPgliteStorage } from '../../src/server/storage/pglite-storage.ts'
import { aFile, putFile } from './support/evidence-files.ts'
import { people, testServer } from './support/test-server.ts'

// `npm run verify-files` on the embedded default: files under DATA_DIR/files/ab/cd/<sha256>.

const run = promisify(execFile)

describe('npm run verify-files', () => {
  it('exits 0 when every file matches, and 1 naming a file whose bytes changed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-verify-'))
    const storage = await openPgliteStorage(dataDir)
    await migrate(storage)
    // One person, without the slow password hash: only the upload's session needs them.
    await storage.query(
      `INSERT INTO users (id, username, name, role, password_hash) VALUES ($1, 'officer1', 'Olivia Price', 'officer', 'none')`,
      [people.officer1.id],
    )
    const files = createFileStore(storage, fileBytesFor(storage, dataDir))
    const s = testServer(storage, { files })
    const token = await s.signIn('officer1')
    const [good, bad] = [aFile('the fence'), aFile('the music at 2am', 'audio/webm')]
    await putFile(s, token, good)
    await putFile(s, token, bad)
    await storage.close()

    const verify = () =>
      run(process.execPath, ['src/server/cli/verify-files.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      })
    expect((await verify()).stdout).toContain('Checked 2 files: every one matches')

    const path = join(dataDir, 'files', bad.sha256.slice(0, 2), bad.sha256.slice(2, 4), bad.sha256)
    const bytes = readFileSync(path)
    bytes[0] = bytes[0]! ^ 1
    writeFileSync(path, bytes)
    const failed = await verify().then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toContain(`${bad.sha256}: its bytes have changed`)
    expect(failed?.stderr).not.toContain(good.sha256)
  }, 120_000)
})
