// @vitest-environment node
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCourtBundle } from '../../src/documents/court-bundle/build-court-bundle.ts'
import { loadConfig } from '../../src/server/config.ts'
import { courtBundleInputFrom } from '../../src/server/documents/court-bundle-from-storage.ts'
import { readPdfFonts } from '../../src/server/documents/read-fonts.ts'
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import { migrate } from '../../src/server/storage/migrate.ts'
import { openStorage } from '../../src/server/storage/open-storage.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { pdfText } from '../unit/documents/support/pdf-text.ts'
import { testDrivers } from './support/test-databases.ts'
import { setupTimeoutMs } from './support/use-database.ts'

// Issue 13: `npm run bundle -- --matter <reference> --out <file.pdf>` makes the court bundle of a
// matter from the server's database, with the builder the device runs.

const now = new Date('2026-12-02T12:00:00.000Z')

const demoCase = async (storage: Storage) => {
  const rows = await storage.query<{ reference: string; events: string }>(
    "SELECT m.reference, count(e.id)::text AS events FROM matters m JOIN events e ON e.matter_id = m.id WHERE m.phase = 'case' GROUP BY m.reference",
  )
  const row = rows[0]
  if (!row) throw new Error('The demo council has no case')
  return { reference: row.reference, events: Number(row.events) }
}

const runCli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['src/server/cli/bundle.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })

describe.each(testDrivers)('the court bundle from the database on $name', (driver) => {
  it(
    'has every entry of a demo case, each with when it reached the server',
    async () => {
      const db = await driver.open()
      try {
        await seedDemoIfEmpty(db.storage, now)
        const { reference, events } = await demoCase(db.storage)
        const source = await courtBundleInputFrom(db.storage, {
          reference,
          fonts: await readPdfFonts(),
          councilName: 'Demo Council',
          producedBy: { name: 'The Casebook server', role: 'npm run bundle' },
          now,
        })
        if (!source.ok) throw new Error(source.message)
        const text = await pdfText(await buildCourtBundle(source.input), true)
        expect(text).toMatch(new RegExp(`Matter\\s+${reference}`))
        expect(text.match(/^Entry \d+: /gm)).toHaveLength(events)
        expect(text.match(/Reached the server\s+\w{3} \d+ \w{3} 20\d\d \d\d:\d\d/g)).toHaveLength(
          events,
        )
        expect(text).toMatch(/Produced by\s+The Casebook server \(npm run bundle\)/)
        expect(text).not.toContain('Someone not in the staff directory')
        const unknown = await courtBundleInputFrom(db.storage, {
          reference: 'ASB-NOPE',
          fonts: source.input.fonts,
          councilName: 'x',
          producedBy: source.input.producedBy,
          now,
        })
        expect(unknown).toEqual({ ok: false, message: 'No matter has the reference ASB-NOPE.' })
      } finally {
        await db.close()
      }
    },
    setupTimeoutMs,
  )
})

describe('npm run bundle', () => {
  it(
    'writes the PDF of a demo matter from the embedded database, and says to stop the server when it holds the data',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'casebook-bundle-'))
      try {
        const loaded = loadConfig({ DATA_DIR: join(dir, 'data') })
        if (!loaded.ok) throw new Error(loaded.message)
        const storage = await openStorage(loaded.config, silentLog)
        await migrate(storage)
        await seedDemoIfEmpty(storage, now)
        const { reference } = await demoCase(storage)
        const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', COUNCIL_NAME: 'Demo Council' }
        const out = join(dir, 'bundle.pdf')
        const locked = await runCli(['--matter', reference, '--out', out], env)
        expect(locked.code).toBe(1)
        expect(locked.stderr).toContain('Stop the server')
        await storage.close()

        const made = await runCli(['--matter', reference, '--out', out], env)
        expect(made.stderr).toBe('')
        expect(made.code).toBe(0)
        const text = await pdfText(new Uint8Array(await readFile(out)))
        expect(text).toContain(reference)
        expect(text).toContain('Demo Council')
        expect(text).toMatch(/Page 1 of \d+/)

        const bad = await runCli(['--matter', reference, '--out', out, '--from', '5/12/2026'], env)
        expect(bad.code).toBe(1)
        expect(bad.stderr).toContain('--from must be a date as YYYY-MM-DD.')
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    setupTimeoutMs,
  )
})
