import { readdirSync, readFileSync } from 'node:fs'
import { buildChains } from '../chain/build-chains.ts'
import type { Storage } from './storage.ts'

// Numbered plain-SQL files in src/server/migrations (001-initial.sql, 002-…), applied in order
// at start, all pending ones in ONE transaction: a failed migration leaves the database as it
// was. Each applied file is recorded, so running again on an existing database does nothing.
// Once 007 is in, the hash chain of any matter stored without one is built in TypeScript, in
// batches after that transaction (see migrations/007 and chain/build-chains.ts).

const migrationsDir = new URL('../migrations/', import.meta.url)
const fileName = /^(\d{3})-[a-z0-9-]+\.sql$/

export type Migration = { version: number; name: string; sql: string }

export function readMigrations(dir: URL = migrationsDir): Migration[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const match = fileName.exec(name)
      return match
        ? [{ version: Number(match[1]), name, sql: readFileSync(new URL(name, dir), 'utf8') }]
        : []
    })
    .sort((a, b) => a.version - b.version)
}

/** Applies the pending migrations; returns the names of those it applied. */
export async function migrate(
  storage: Storage,
  migrations: Migration[] = readMigrations(),
): Promise<string[]> {
  const { names, chained } = await storage.transaction(async (tx) => {
    // Two servers starting at once on one PostgreSQL: the second waits here, then finds nothing to do.
    await tx.query('SELECT pg_advisory_xact_lock(7436201)')
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = new Set(rows.map((r) => Number(r.version)))
    const pending = migrations.filter((m) => !applied.has(m.version))
    for (const m of pending) {
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ])
    }
    const chained = applied.has(chainVersion) || pending.some((m) => m.version === chainVersion)
    return { names: pending.map((m) => m.name), chained }
  })
  if (chained) await buildChains(storage)
  return names
}

/** The migration that adds the event chain's columns. */
const chainVersion = 7
