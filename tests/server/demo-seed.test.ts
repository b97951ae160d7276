// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts'
import { sayPostgresSkipped, testDrivers } from './support/test-databases.ts'
import { countRows } from './support/test-server.ts'
import { setupTimeoutMs } from './support/use-database.ts'

// The demo council is recorded through the same checks as real work, dated back from today.
describe.each(testDrivers)('the demo council on $name', (driver) => {
  if (driver.name === 'pglite') sayPostgresSkipped()
  // Any time of day: just after midnight, before the working day, and late in the evening.
  it.each(['2026-12-02T00:05:00.000Z', '2026-12-02T03:30:00.000Z', '2026-12-02T23:55:00.000Z'])(
    'seeds an empty database once, at %s: staff, five matters at different phases',
    async (instant) => {
      const db = await driver.open()
      try {
        const now = new Date(instant)
        expect(await seedDemoIfEmpty(db.storage, now)).toEqual({ seeded: true, matters: 5 })
        expect(await seedDemoIfEmpty(db.storage, now)).toEqual({ seeded: false })
        const users = await db.storage.query<{ username: string; role: string }>(
          'SELECT username, role FROM users ORDER BY username',
        )
        expect(users).toEqual([
          { username: 'admin1', role: 'admin' },
          { username: 'manager1', role: 'manager' },
          { username: 'officer1', role: 'officer' },
          { username: 'officer2', role: 'officer' },
        ])
        const phases = await db.storage.query<{ phase: string }>(
          'SELECT phase FROM matters ORDER BY phase',
        )
        expect(phases.map((p) => p.phase)).toEqual([
          'case',
          'closure_requested',
          'enquiry',
          'enquiry',
          'evidence',
        ])
        expect(await countRows(db.storage, 'public_reports')).toBe(1)
      } finally {
        await db.close()
      }
    },
    setupTimeoutMs,
  )
})
