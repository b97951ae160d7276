// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockDataDir } from '../../src/server/storage/data-dir-lock.ts'
import { migrate, readMigrations } from '../../src/server/storage/migrate.ts'
import { openPgliteStorage } from '../../src/server/storage/pglite-storage.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { sayPostgresSkipped, testDrivers } from './support/test-databases.ts'
import { setupTimeoutMs } from './support/use-database.ts'

async function tables(storage: Storage): Promise<string[]> {
  const rows = await storage.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  return rows.map((r) => r.table_name)
}

const allTables = [
  'audience_changes',
  'counters',
  'diary_link_usage',
  'diary_links',
  'events',
  'file_chunks',
  'file_refs',
  'file_uploads',
  'files',
  'matters',
  'public_reports',
  'schema_migrations',
  'sessions',
  'users',
]

describe.each(testDrivers)('migrations on $name', (driver) => {
  if (driver.name === 'pglite') sayPostgresSkipped()
  it(
    'creates every table on an empty database, and does nothing the second time',
    async () => {
      const db = await driver.open({ migrated: false })
      try {
        expect(await tables(db.storage)).toEqual([])
        expect(await migrate(db.storage)).toEqual(readMigrations().map((m) => m.name))
        expect(await tables(db.storage)).toEqual(allTables)
        await db.storage.query("UPDATE counters SET value = 41 WHERE name = 'event_seq'")
        expect(await migrate(db.storage)).toEqual([])
        const [row] = await db.storage.query<{ value: number | string }>(
          "SELECT value FROM counters WHERE name = 'event_seq'",
        )
        expect(Number(row?.value)).toBe(41)
      } finally {
        await db.close()
      }
    },
    setupTimeoutMs,
  )

  it(
    'applies all pending migrations in one transaction: a failing one leaves nothing behind',
    async () => {
      const db = await driver.open({ migrated: false })
      try {
        const broken = [
          ...readMigrations(),
          { version: 999, name: '999-broken.sql', sql: 'CREATE TABLE oops (' },
        ]
        await expect(migrate(db.storage, broken)).rejects.toThrow()
        expect(await tables(db.storage)).toEqual([])
      } finally {
        await db.close()
      }
    },
    setupTimeoutMs,
  )

  const { reopen } = driver
  if (reopen)
    it(
      'lets two servers start at once on one database, applying each migration once',
      async () => {
        const db = await driver.open({ migrated: false })
        const second = reopen(db)
        try {
          const applied = await Promise.all([migrate(db.storage), migrate(second)])
          expect(applied.flat()).toEqual(readMigrations().map((m) => m.name))
        } finally {
          await second.close()
          await db.close()
        }
      },
      setupTimeoutMs,
    )
})

describe('PGlite data directory', () => {
  it(
    'keeps its data across restarts and refuses to be opened twice at once',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casebook-data-'))
      try {
        const first = await openPgliteStorage(dir)
        expect(await migrate(first)).not.toEqual([])
        await first.query("UPDATE counters SET value = 7 WHERE name = 'public_reference'")
        await expect(openPgliteStorage(dir)).rejects.toThrow(/in use/)
        await first.close()

        const again = await openPgliteStorage(dir)
        expect(await migrate(again)).toEqual([])
        const [row] = await again.query<{ value: number | string }>(
          "SELECT value FROM counters WHERE name = 'public_reference'",
        )
        expect(Number(row?.value)).toBe(7)
        await again.close()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    setupTimeoutMs,
  )
})

describe('data directory lock', () => {
  const withDir = (fn: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-lock-'))
    try {
      fn(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('refuses a directory another running process holds', () => {
    withDir((dir) => {
      writeFileSync(join(dir, 'casebook.lock'), String(process.ppid))
      const lock = lockDataDir(dir)
      expect(lock.ok).toBe(false)
      if (!lock.ok) expect(lock.message).toContain(`in use by process ${process.ppid}`)
    })
  })

  it('takes over a lock left by a process that has died', () => {
    withDir((dir) => {
      writeFileSync(join(dir, 'casebook.lock'), '4194303')
      const lock = lockDataDir(dir)
      expect(lock.ok).toBe(true)
      if (lock.ok) lock.release()
    })
  })
})
