import { PGlite } from '@electric-sql/pglite'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { it } from 'vitest'
import { silentLog } from '../../../src/server/logging/log.ts'
import { migrate } from '../../../src/server/storage/migrate.ts'
import { pgliteStorage } from '../../../src/server/storage/pglite-storage.ts'
import { openPostgresStorage } from '../../../src/server/storage/postgres-storage.ts'
import type { Storage, StorageDriver } from '../../../src/server/storage/storage.ts'

// Every server suite runs on both drivers: embedded PGlite always, and a real PostgreSQL when
// TEST_DATABASE_URL is set. Each test file gets a database of its own (a PGlite in memory, or
// a fresh schema on the server) so files run side by side.

export type TestDatabase = {
  storage: Storage
  /** Empties the case data between tests; users stay, as creating them is slow by design. */
  reset(): Promise<void>
  close(): Promise<void>
}

export type TestDriver = {
  name: StorageDriver
  /** A database with the migrations applied, or an empty one with `{ migrated: false }`. */
  open(options?: { migrated?: boolean }): Promise<TestDatabase>
  /** A second connection to the same database, as a second server process would have (PostgreSQL only). */
  reopen?: (db: TestDatabase) => Storage
}

const testDatabaseUrl = process.env.TEST_DATABASE_URL

// Creating a PGlite database (initdb in WASM) takes seconds; loading a dump of a fresh one is
// several times faster. The dump is cached in the temp directory, keyed by PGlite's version.
export async function emptyPgliteDump(): Promise<Blob> {
  const version = JSON.parse(
    readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8'),
  ) as { version: string }
  const file = join(tmpdir(), `casebook-pglite-empty-${version.version}.tar.gz`)
  if (!existsSync(file)) {
    const db = await PGlite.create()
    const dump = await db.dumpDataDir('gzip')
    await db.close()
    const partial = `${file}.${process.pid}`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file)
  }
  return new Blob([readFileSync(file)])
}

async function ready(storage: Storage, migrated: boolean): Promise<Storage> {
  if (migrated) await migrate(storage)
  return storage
}

const resetSql = `TRUNCATE events, audience_changes, matters, public_reports, sessions,
    file_refs, file_uploads, files, file_chunks, diary_links, diary_link_usage;
  UPDATE counters SET value = 0;`

const pglite: TestDriver = {
  name: 'pglite',
  async open({ migrated = true } = {}) {
    const db = await PGlite.create({ loadDataDir: await emptyPgliteDump() })
    const storage = await ready(pgliteStorage(db), migrated)
    return { storage, reset: () => storage.exec(resetSql), close: () => storage.close() }
  },
}

const schemas = new Map<Storage, string>()

const postgres = (connectionString: string): TestDriver => ({
  name: 'postgres',
  async open({ migrated = true } = {}) {
    const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client({ connectionString })
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    await admin.end()
    const storage = await ready(
      openPostgresStorage({ connectionString, searchPath: schema, log: silentLog }),
      migrated,
    )
    schemas.set(storage, schema)
    return {
      storage,
      reset: () => storage.exec(resetSql),
      async close() {
        await storage.close()
        const cleanup = new pg.Client({ connectionString })
        await cleanup.connect()
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`)
        await cleanup.end()
      },
    }
  },
  reopen(db) {
    const schema = schemas.get(db.storage)
    if (!schema) throw new Error('Not a database this driver opened.')
    return openPostgresStorage({ connectionString, searchPath: schema, log: silentLog })
  },
})

export const testDrivers: TestDriver[] = [
  pglite,
  ...(testDatabaseUrl ? [postgres(testDatabaseUrl)] : []),
]

/**
 * Without TEST_DATABASE_URL the PostgreSQL half of a suite is absent: say so in the run, as a
 * skipped test with the reason, rather than leave it out in silence (issue 15, item 9). PGlite has
 * one connection, so what only concurrent connections can break (the row lock that keeps seq
 * gap-free, two servers migrating at once) is proved on PostgreSQL only.
 */
export function sayPostgresSkipped(what = 'the same tests'): void {
  if (!testDatabaseUrl) it.skip(`${what} on PostgreSQL: skipped, set TEST_DATABASE_URL=postgres://… to run them`)
}
