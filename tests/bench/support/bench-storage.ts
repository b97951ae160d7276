import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { silentLog } from '../../../src/server/logging/log.ts'
import { migrate } from '../../../src/server/storage/migrate.ts'
import { openPgliteStorage } from '../../../src/server/storage/pglite-storage.ts'
import { openPostgresStorage } from '../../../src/server/storage/postgres-storage.ts'
import type { Storage, StorageDriver } from '../../../src/server/storage/storage.ts'

// Fresh, empty, migrated databases for the server benchmarks: PGlite in a new data directory
// (on disk, as the server runs it), or a new database on the PostgreSQL server, dropped after.

export const postgresUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test'

export type BenchDatabase = {
  driver: StorageDriver
  storage: Storage
  /** PGlite's data directory, or the PostgreSQL URL of the new database. */
  where: string
  /** Closes the storage and throws the database away (unless `keep`). */
  close(options?: { keep?: boolean }): Promise<void>
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2_000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export async function openBenchDatabase(driver: StorageDriver): Promise<BenchDatabase> {
  return driver === 'pglite' ? openPglite() : openPostgres()
}

async function openPglite(
  dir = mkdtempSync(join(tmpdir(), 'casebook-bench-')),
): Promise<BenchDatabase> {
  const storage = await openPgliteStorage(dir)
  await migrate(storage)
  return {
    driver: 'pglite',
    storage,
    where: dir,
    async close({ keep = false } = {}) {
      await storage.close()
      if (!keep) rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A database URL for `name` on the same server as `postgresUrl`. */
export function databaseUrl(name: string): string {
  const url = new URL(postgresUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function createPostgresDatabase(): Promise<{
  name: string
  url: string
  drop: () => Promise<void>
}> {
  const name = `casebook_bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return {
    name,
    url: databaseUrl(name),
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

async function openPostgres(): Promise<BenchDatabase> {
  const db = await createPostgresDatabase()
  const storage = openPostgresStorage({ connectionString: db.url, log: silentLog, max: 10 })
  await migrate(storage)
  return {
    driver: 'postgres',
    storage,
    where: db.url,
    async close({ keep = false } = {}) {
      await storage.close()
      if (!keep) await db.drop()
    },
  }
}
