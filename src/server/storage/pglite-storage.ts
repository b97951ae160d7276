import { PGlite } from '@electric-sql/pglite'
import { mkdirSync } from 'node:fs'
import type { Row, Sql, Storage } from './storage.ts'
import { lockDataDir } from './data-dir-lock.ts'

// Embedded PostgreSQL (PGlite, WASM) in a data directory: the default for one council on one
// machine. PGlite has one connection and runs transactions one at a time, which also makes
// every push strictly sequential here.

function sqlOf(db: Pick<PGlite, 'query' | 'exec'>): Sql {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(text, params as unknown[])
      return result.rows
    },
    async exec(text: string) {
      await db.exec(text)
    },
  }
}

export function pgliteStorage(db: PGlite, onClose: () => void = () => undefined): Storage {
  return {
    driver: 'pglite',
    ...sqlOf(db),
    transaction: (fn) => db.transaction((tx) => fn(sqlOf(tx))),
    async close() {
      await db.close()
      onClose()
    },
  }
}

/** Opens (creating if need be) the database in `dataDir`, refusing a directory another process has open. */
export async function openPgliteStorage(dataDir: string): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true })
  const lock = lockDataDir(dataDir)
  if (!lock.ok) throw new Error(lock.message)
  try {
    const db = await PGlite.create(dataDir)
    return pgliteStorage(db, lock.release)
  } catch (error) {
    lock.release()
    throw error
  }
}
