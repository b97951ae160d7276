// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { formatUkDate } from '../../src/domain/uk-dates.ts'
import { londonDate } from '../../src/domain/london-time.ts'
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import { migrate } from '../../src/server/storage/migrate.ts'
import { pgliteStorage } from '../../src/server/storage/pglite-storage.ts'
import { openPostgresStorage } from '../../src/server/storage/postgres-storage.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { emptyPgliteDump } from './support/test-databases.ts'

// `npm run verify` itself, as an administrator runs it: a child process on the same settings as
// the server (DATA_DIR or DATABASE_URL), on the demo council, before and after an event's body is
// altered in the database (issue 13).

type Place = { env: Record<string, string>; open(): Promise<Storage>; dispose(): Promise<void> }

function pglitePlace(): Place {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-verify-'))
  let created = false
  return {
    env: { DATA_DIR: dir },
    async open() {
      // First from the cached empty database: creating one takes seconds (a minute on a busy machine).
      const loadDataDir = created ? undefined : await emptyPgliteDump()
      created = true
      return pgliteStorage(await PGlite.create({ dataDir: dir, ...(loadDataDir ? { loadDataDir } : {}) }))
    },
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  }
}

function postgresPlace(url: string): Place {
  const schema = `verify_${crypto.randomUUID().replaceAll('-', '')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  let created = false
  return {
    env: { DATABASE_URL: `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    async open() {
      if (!created) await admin(`CREATE SCHEMA ${schema}`)
      created = true
      return openPostgresStorage({ connectionString: url, searchPath: schema, log: silentLog })
    },
    dispose: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  }
}

const places: [string, () => Place][] = [
  ['pglite', pglitePlace],
  ...(process.env.TEST_DATABASE_URL ? [['postgres', () => postgresPlace(process.env.TEST_DATABASE_URL!)] as [string, () => Place]] : []),
]

function verify(place: Place, ...args: string[]) {
  const result = spawnSync(process.execPath, ['src/server/cli/verify.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...place.env },
    encoding: 'utf8',
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe.each(places)('npm run verify on %s', (_, makePlace) => {
  const place = makePlace()
  afterAll(() => place.dispose())

  it('exits 0 on the untouched demo council, then 1 naming the event whose body was altered', async () => {
    let storage = await place.open()
    await migrate(storage)
    await seedDemoIfEmpty(storage, new Date('2026-12-02T10:00:00.000Z'))
    await storage.close()

    const clean = verify(place)
    expect(clean.err).toBe('')
    expect(clean.code).toBe(0)
    expect(clean.out).toMatch(/^Checked \d+ events in 5 matters in \d+\.\d s: every chain is intact\.\n$/)

    storage = await place.open()
    // The third event of the matter with the most, in its server order.
    const [target] = await storage.query<{ id: string; matter_id: string; reference: string; seq: string | number; type: string; body: { recordedAt: string } }>(
      `SELECT e.id, e.matter_id, m.reference, e.seq, e.type, e.body FROM events e JOIN matters m ON m.id = e.matter_id
        WHERE e.matter_id = (SELECT matter_id FROM events GROUP BY matter_id ORDER BY count(*) DESC, matter_id LIMIT 1)
        ORDER BY e.seq OFFSET 2 LIMIT 1`,
    )
    const [count] = await storage.query<{ n: string | number }>('SELECT count(*) AS n FROM events WHERE matter_id = $1', [target!.matter_id])
    await storage.query(`UPDATE events SET body = (body::jsonb || '{"actorId": "someone-else"}')::json WHERE id = $1`, [target!.id])
    const [other] = await storage.query<{ reference: string }>('SELECT reference FROM matters WHERE id <> $1 LIMIT 1', [target!.matter_id])
    await storage.close()

    const altered = verify(place)
    expect(altered.code).toBe(1)
    const lines = altered.out.trim().split('\n')
    expect(lines[0]).toBe(
      `${target!.reference}: event 3 of ${Number(count!.n)} (seq ${Number(target!.seq)}, ${target!.type}, recorded ${formatUkDate(londonDate(target!.body.recordedAt))}) does not match its stored hash: it was changed, or an event before it was removed`,
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/1 problem in 1 matter\. The record has been altered since it was stored\.$/)

    expect(verify(place, '--matter', other!.reference).code).toBe(0)
    const unknown = verify(place, '--matter', 'ASB-1999-000001')
    expect(unknown.code).toBe(2)
    expect(unknown.out).toBe('No matter has the reference ASB-1999-000001.\n')
    // Each run opens the database afresh, as an administrator's would: slow on a busy machine.
  }, 300_000)
})
