// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { checkChain } from '../../src/domain/chain-check.ts'
import { genesisHash, nextLink } from '../../src/domain/event-chain.ts'
import { buildChains } from '../../src/server/chain/build-chains.ts'
import { linkAfter, recordOf } from '../../src/server/chain/chain-links.ts'
import { verifyReport } from '../../src/server/chain/verify-report.ts'
import { seedDemoIfEmpty } from '../../src/server/demo/seed-demo.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import { recordDueClosures } from '../../src/server/scheduler/automatic-closures.ts'
import { migrate, readMigrations } from '../../src/server/storage/migrate.ts'
import type { Storage } from '../../src/server/storage/storage.ts'
import { aMatter } from './support/matters.ts'
import { testDrivers } from './support/test-databases.ts'
import { testServer } from './support/test-server.ts'
import { useDatabase } from './support/use-database.ts'

// Issue 13, tamper evidence: every stored event is linked into its matter's hash chain as it is
// stored, events stored before the chain get their links from the migration, and `verify` names
// any event altered or removed in the database afterwards.

type Link = { matter_id: string; id: string; seq: string | number; hash: string | null }

async function links(storage: Storage): Promise<Link[]> {
  return storage.query<Link>('SELECT matter_id, id, seq, hash FROM events ORDER BY seq')
}

/** Every matter's chain recomputed here from the stored rows, independently of verify. */
async function recomputed(storage: Storage): Promise<{ events: Map<string, string>; heads: Map<string, string> }> {
  const rows = await storage.query<{ matter_id: string; id: string; seq: string | number; body: object; received_at: Date | string }>(
    'SELECT matter_id, id, seq, body, received_at FROM events ORDER BY seq',
  )
  const heads = new Map<string, string>()
  const events = new Map<string, string>()
  for (const r of rows) {
    const receivedAt = new Date(r.received_at).toISOString()
    const link = linkAfter(heads.get(r.matter_id) ?? genesisHash, recordOf(r.body, Number(r.seq), receivedAt))
    heads.set(r.matter_id, link)
    events.set(r.id, link)
  }
  return { events, heads }
}

async function storedHeads(storage: Storage): Promise<Map<string, string | null>> {
  const rows = await storage.query<{ id: string; chain_head: string | null }>('SELECT id, chain_head FROM matters')
  return new Map(rows.map((r) => [r.id, r.chain_head]))
}

async function verify(storage: Storage, reference?: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  const code = await verifyReport(storage, reference === undefined ? {} : { reference }, (l) => lines.push(l))
  return { code, lines }
}

describe('the link as the server computes it', () => {
  it('is the same from node:crypto (the server) as from WebCrypto (devices)', async () => {
    const events = aMatter().reported().assigned().withPhoneAttempts(2).contactMade().events
    let web = genesisHash
    let node = genesisHash
    for (const [i, e] of events.entries()) {
      const record = recordOf({ ...e, payload: { ...e.payload, note: 'Bruit 😡 ضوضاء' } }, 100 + i, e.recordedAt)
      web = await nextLink(web, record)
      node = linkAfter(node, record)
      expect(node).toBe(web)
    }
  })
})

describe.each(testDrivers)('the tamper-evident chain on $name', (driver) => {
  const { storage } = useDatabase(driver)

  /** Two matters pushed in two pushes each, interleaved, so seqs of one matter are not adjacent. */
  async function twoMatters() {
    const s = testServer(storage())
    const token = await s.signIn('officer1')
    const a = aMatter(1).reported().withPhoneAttempts(2)
    const b = aMatter(2).reported().withPhoneAttempts(3)
    await s.push(token, a.events.slice(0, 2))
    await s.push(token, b.events)
    await s.push(token, a.events.slice(2))
    // The builder's two matters share a reference (it derives from the id's time); the
    // reference is the server's lookup, not part of the chain.
    const references = ['ASB-2026-000001', 'ASB-2026-000002'] as const
    for (const [i, m] of [a, b].entries())
      await storage().query('UPDATE matters SET reference = $1 WHERE id = $2', [references[i], m.matterId])
    return { s, a, b, references }
  }

  it('links each event as a push stores it, and keeps each matter\'s head', async () => {
    const { a, b } = await twoMatters()
    const { events, heads } = await recomputed(storage())
    const stored = await links(storage())
    expect(stored).toHaveLength(7)
    for (const row of stored) expect(row.hash).toBe(events.get(row.id))
    const matterHeads = await storedHeads(storage())
    expect(matterHeads.get(a.matterId)).toBe(heads.get(a.matterId))
    expect(matterHeads.get(b.matterId)).toBe(heads.get(b.matterId))
    expect(new Set(stored.map((r) => r.hash)).size).toBe(7)
  })

  it('links the public form\'s reports and the scheduler\'s automatic closures too', async () => {
    const s = testServer(storage())
    const res = await s.postJson('/api/public/reports', {
      location: { address: 'Play area, Victoria Road', postcode: 'gu51 4ae' },
      category: 'rowdy_behaviour',
      description: 'Bottles thrown at the play equipment most evenings after 9pm.',
      anonymous: true,
    })
    expect(res.status).toBe(201)
    const m = aMatter(3).on('2026-11-02').reported().withPhoneAttempts(3).letterSent()
    await s.push(await s.signIn('officer1'), m.events)
    expect(await recordDueClosures(storage(), new Date('2026-11-25T12:00:00.000Z'), silentLog)).toBe(1)
    const { events, heads } = await recomputed(storage())
    const stored = await links(storage())
    expect(stored).toHaveLength(7)
    for (const row of stored) expect(row.hash).toBe(events.get(row.id))
    for (const [id, head] of await storedHeads(storage())) expect(head).toBe(heads.get(id))
    expect((await verify(storage())).code).toBe(0)
  })

  it('sends each event\'s arrival and link in the pull, and a device reproduces the head from them', async () => {
    const { s, a } = await twoMatters()
    const pulled = (await s.pullAll(await s.signIn('manager1'))).events
    const ofA = pulled.filter((e) => e.matterId === a.matterId)
    expect(ofA.every((e) => typeof e.hash === 'string' && e.receivedAt === '2026-11-25T12:00:00.000Z')).toBe(true)
    const check = await checkChain(ofA)
    expect(check).toMatchObject({ status: 'verified', entries: 3 })
    expect(check.status === 'verified' && check.head).toBe((await storedHeads(storage())).get(a.matterId))
  })

  it('gives events stored before the chain their links when migration 007 runs, resuming batch by batch', async () => {
    await twoMatters()
    const before = await links(storage())
    const headsBefore = await storedHeads(storage())
    // The database as it was before 007: no columns, nothing linked.
    await storage().exec(`DROP INDEX matters_chain_to_build;
      ALTER TABLE events DROP COLUMN hash; ALTER TABLE matters DROP COLUMN chain_head;
      DELETE FROM schema_migrations WHERE version = 7`)
    const only007 = readMigrations().filter((m) => m.version === 7)
    // `migrate` builds every chain; build one matter at a time first to show it resumes.
    await storage().transaction(async (tx) => {
      for (const m of only007) await tx.exec(m.sql)
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES (7, '007-event-chain.sql')")
    })
    expect((await links(storage())).every((l) => l.hash === null)).toBe(true)
    expect(await buildChains(storage(), 1)).toBe(2)
    expect(await buildChains(storage(), 1)).toBe(0)
    expect(await links(storage())).toEqual(before)
    expect(await storedHeads(storage())).toEqual(headsBefore)
    expect(await migrate(storage(), only007)).toEqual([])
  })

  it('builds the chain when the migration itself is applied', async () => {
    await twoMatters()
    const before = await links(storage())
    await storage().exec(`DROP INDEX matters_chain_to_build;
      ALTER TABLE events DROP COLUMN hash; ALTER TABLE matters DROP COLUMN chain_head;
      DELETE FROM schema_migrations WHERE version = 7`)
    expect(await migrate(storage())).toEqual(['007-event-chain.sql'])
    expect(await links(storage())).toEqual(before)
    expect((await verify(storage())).code).toBe(0)
  })

  it('verify passes an untouched record and says so', async () => {
    await twoMatters()
    const { code, lines } = await verify(storage())
    expect(code).toBe(0)
    expect(lines).toEqual([expect.stringMatching(/^Checked 7 events in 2 matters in \d+\.\d s: every chain is intact\.$/)])
  })

  it('verify names an event whose body was altered in the database, and only that one', async () => {
    const { a, references } = await twoMatters()
    const target = a.events[1]!
    await storage().query(
      `UPDATE events SET body = (body::jsonb || '{"occurredAt": "2026-10-30T09:00:00.000Z"}')::json WHERE id = $1`,
      [target.id],
    )
    const { code, lines } = await verify(storage())
    expect(code).toBe(1)
    expect(lines).toEqual([
      `${references[0]}: event 2 of 3 (seq 2, contactAttempted, recorded Mon 2 Nov 2026) does not match its stored hash: it was changed, or an event before it was removed`,
      expect.stringMatching(/^Checked 7 events in 2 matters in .* s: 1 problem in 1 matter\. The record has been altered/),
    ])
  })

  it('verify notices an event removed from the middle of a chain, and from its end', async () => {
    const { a, b, references } = await twoMatters()
    await storage().query('DELETE FROM events WHERE id = $1', [a.events[1]!.id])
    await storage().query('DELETE FROM events WHERE id = $1', [b.events.at(-1)!.id])
    const { code, lines } = await verify(storage())
    expect(code).toBe(1)
    expect(lines).toContain(
      `${references[0]}: event 2 of 2 (seq 7, contactAttempted, recorded Mon 2 Nov 2026) does not match its stored hash: it was changed, or an event before it was removed`,
    )
    expect(lines).toContain(
      `${references[1]}: the chain head does not match its last stored event (seq 5): a later event was removed, or the head was changed`,
    )
  })

  it('verify --matter checks one matter: the altered one fails, the other passes', async () => {
    const { b, references } = await twoMatters()
    await storage().query(`UPDATE events SET received_at = received_at + interval '1 day' WHERE id = $1`, [b.events[0]!.id])
    expect((await verify(storage(), references[0])).code).toBe(0)
    const other = await verify(storage(), references[1])
    expect(other.code).toBe(1)
    expect(other.lines[0]).toMatch(new RegExp(`^${references[1]}: event 1 of 4 \\(seq 3, reportReceived`))
    expect((await verify(storage(), 'ASB-1999-000001')).code).toBe(2)
  })

  it('verify of an untouched demo council exits 0', async () => {
    await storage().exec('TRUNCATE users CASCADE')
    expect(await seedDemoIfEmpty(storage(), new Date('2026-12-02T10:00:00.000Z'))).toMatchObject({ seeded: true })
    const { code, lines } = await verify(storage())
    expect(code).toBe(0)
    expect(lines.at(-1)).toMatch(/in 5 matters .*every chain is intact/)
  }, 30_000)
})
