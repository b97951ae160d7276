import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Storage } from '../../../src/server/storage/storage.ts'
import type { TestDatabase, TestDriver } from './test-databases.ts'
import { sayPostgresSkipped } from './test-databases.ts'
import { addPeople } from './test-server.ts'

// One database per suite, emptied before each test. The first PGlite on a machine builds its
// cached dump, and scrypt is slow by design, hence the long setup timeout.
export const setupTimeoutMs = 120_000

export function useDatabase(driver: TestDriver): {
  storage: () => Storage
  db: () => TestDatabase
} {
  if (driver.name === 'pglite') sayPostgresSkipped()
  let db: TestDatabase | undefined
  const current = () => {
    if (!db) throw new Error('The test database is not open yet.')
    return db
  }
  beforeAll(async () => {
    db = await driver.open()
    await addPeople(db.storage)
  }, setupTimeoutMs)
  afterAll(() => db?.close(), setupTimeoutMs)
  beforeEach(() => current().reset())
  return { db: current, storage: () => current().storage }
}
