// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../../src/server/storage/migrate.ts'
import { aMatter, manager, officer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { testNow, testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Event bodies are kept as the JSON text accepted (migration 005, json rather than jsonb), so a
// pull sends them without rebuilding them. Bodies stored as jsonb before 005 must come through
// it whole.
describe.each(testDrivers)('stored event bodies on $name', (driver) => {
  const { storage } = useDatabase(driver)

  it('come back exactly as pushed, before and after migration 005 turns jsonb into json', async () => {
    const s = testServer(storage())
    const m = aMatter()
      .as(manager)
      .reported()
      .record('matterAssigned', { officerId: officer.id })
      .as(officer)
      .withPhoneAttempts(2)
    await s.push(await s.signIn('manager1'), m.events.slice(0, 2))
    await s.push(await s.signIn('officer1'), m.events.slice(2))
    const link = expect.stringMatching(/^[0-9a-f]{64}$/) as string
    const pushed = m.events.map((e, i) => ({ ...e, seq: i + 1, receivedAt: testNow, hash: link }))
    const pull = async () => (await s.pull(await s.signIn('manager1'))).events
    expect(await pull()).toEqual(pushed)

    await storage().exec(`ALTER TABLE events ALTER COLUMN body TYPE jsonb USING body::jsonb;
      DELETE FROM schema_migrations WHERE version = 5`)
    expect(await pull()).toEqual(pushed)
    const migration = readMigrations().filter((x) => x.name === '005-events-body-json.sql')
    expect(await migrate(storage(), migration)).toEqual(['005-events-body-json.sql'])
    expect(await pull()).toEqual(pushed)
    const [column] = await storage().query<{ data_type: string }>(
      `SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'body'`,
    )
    expect(column?.data_type).toBe('json')
  })
})
