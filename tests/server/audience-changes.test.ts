// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../../src/server/storage/migrate.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { aMatter, manager, officer, otherOfficer } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// A filtered pull reads who could see a matter from its audience changes (pull-events.ts), so
// they must be written with every push, and found by migration 003 in events stored before it.

type Change = { seq: string; audience_before: string[]; audience_after: string[] }

const changes = (storage: Storage) =>
  storage.query<Change>(
    'SELECT seq::text, audience_before, audience_after FROM audience_changes ORDER BY seq',
  )

describe.each(testDrivers)('audience changes on $name', (driver) => {
  const { storage } = useDatabase(driver)

  async function pushHistory() {
    const s = testServer(storage())
    const taken = aMatter(1)
      .as(manager)
      .reported()
      .record('matterAssigned', { officerId: officer.id })
      .withPhoneAttempts(1)
    taken.as(manager).record('matterAssigned', { officerId: otherOfficer.id })
    const open = aMatter(2).reported().withPhoneAttempts(1)
    await s.push(await s.signIn('manager1'), taken.events)
    await s.push(await s.signIn('officer1'), open.events)
  }

  it('records the events after which someone else can see their matter, as they are pushed', async () => {
    await pushHistory()
    expect(await changes(storage())).toEqual([
      {
        seq: '1',
        audience_before: [],
        audience_after: [`officer:${manager.id}`, 'unassigned-enquiries'],
      },
      {
        seq: '2',
        audience_before: [`officer:${manager.id}`, 'unassigned-enquiries'],
        audience_after: [`officer:${officer.id}`],
      },
      {
        seq: '4',
        audience_before: [`officer:${officer.id}`],
        audience_after: [`officer:${otherOfficer.id}`],
      },
      {
        seq: '5',
        audience_before: [],
        audience_after: [`officer:${officer.id}`, 'unassigned-enquiries'],
      },
    ])
  })

  it('are found by migration 003 in the events stored before it', async () => {
    await pushHistory()
    const recorded = await changes(storage())
    await storage().exec(
      'DROP TABLE audience_changes; DELETE FROM schema_migrations WHERE version = 3',
    )
    const migration = readMigrations().filter((m) => m.name === '003-audience-changes.sql')
    expect(await migrate(storage(), migration)).toEqual(['003-audience-changes.sql'])
    expect(await changes(storage())).toEqual(recorded)
  })

  it('migration 009 takes the creator out of allocated matters stored under the earlier rule', async () => {
    await pushHistory()
    const audiences = async () => ({
      changes: await changes(storage()),
      events: await storage().query('SELECT seq::text, audience_before FROM events ORDER BY seq'),
      matters: await storage().query('SELECT id, audience FROM matters ORDER BY id'),
    })
    const now = await audiences()
    // As the earlier rule stored them: the creator's token first, before the allocated officer's.
    const creatorFirst = (column: string, table: string, matter: string) => `
      UPDATE ${table} t SET ${column} = ARRAY['officer:' || m.created_by, t.${column}[1]]
        FROM matters m WHERE m.id = t.${matter}
         AND cardinality(t.${column}) = 1 AND t.${column}[1] <> 'officer:' || m.created_by;`
    await storage().exec(
      creatorFirst('audience_before', 'events', 'matter_id') +
        creatorFirst('audience_before', 'audience_changes', 'matter_id') +
        creatorFirst('audience_after', 'audience_changes', 'matter_id') +
        `UPDATE matters SET audience = ARRAY['officer:' || created_by, audience[1]]
          WHERE cardinality(audience) = 1 AND audience[1] <> 'officer:' || created_by;
         DELETE FROM schema_migrations WHERE version = 9;`,
    )
    expect(await audiences()).not.toEqual(now)
    const migration = readMigrations().filter((m) => m.version === 9)
    expect(await migrate(storage(), migration)).toEqual([migration[0]?.name])
    expect(await audiences()).toEqual(now)
  })
})
