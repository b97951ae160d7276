// 50 devices syncing at once against the real server on a loopback port, for 30 s: each pushes a
// few new diary entries on a matter of its own, then pulls what is new for its person, again and
// again with no pause (a closed loop, so the server is never idle). The server holds the whole
// generated council; the devices belong to the council's officers and managers, so each pull runs
// the real visibility query over real caseloads. Latency is measured per request, client side.
//
//   node tests/bench/run.ts --only=load [--size=small|council] [--runs=N]
import type { PullResponse } from '../../src/api/sync-pull.ts'
import type { PushResponse } from '../../src/api/sync-push.ts'
import type { DomainEvent, EventType, PayloadInput } from '../../src/domain/events.ts'
import { uuidV7 } from '../../src/domain/ids.ts'
import type { StorageDriver } from '../../src/server/storage/storage.ts'
import { Random } from './council/random.ts'
import type { CouncilMeta } from './generate-council.ts'
import type { Bench, BenchContext } from './support/bench-context.ts'
import { postgresReachable, postgresUrl } from './support/bench-storage.ts'
import { benchPassword } from './support/council-sync.ts'
import type { Figure } from './support/report.ts'
import { median, percentile } from './support/report.ts'
import { seededDatabase } from './support/seeded-council.ts'
import { startServer } from './support/server-process.ts'

const clients = 50
const windowMs = 30_000

export type Sample = { kind: 'push' | 'pull'; ms: number; ok: boolean }
export type Person = { id: string; role: 'officer' | 'manager'; token: string }

/** One device: a matter of its own, diary entry after diary entry, and a pull cursor. */
class Device {
  private readonly r: Random
  private readonly deviceId: string
  private readonly matterId: string
  private cursor: number
  private readonly person: Person
  private readonly url: string

  constructor(url: string, person: Person, n: number, cursor: number) {
    this.url = url
    this.person = person
    this.r = new Random(0x10ad, n)
    this.deviceId = `load-device-${n}`
    this.matterId = this.id()
    this.cursor = cursor
  }

  private id(): string {
    return uuidV7(Date.now(), this.r.bytes10())
  }

  private event<T extends EventType>(type: T, payload: PayloadInput<T>): DomainEvent {
    const at = new Date().toISOString()
    return {
      id: this.id(),
      matterId: this.matterId,
      type,
      payload,
      actorId: this.person.id,
      deviceId: this.deviceId,
      occurredAt: at,
      recordedAt: at,
    } as DomainEvent
  }

  /** R1, R2, R5: a report taken on, threshold met, diary sheets issued, ready for entries. */
  opening(): DomainEvent[] {
    return [
      this.event('reportReceived', {
        channel: 'phone',
        receivedAt: new Date().toISOString(),
        category: 'noise',
        anonymous: false,
        location: {
          address: `${this.r.int(1, 99)} Load Test Road, Northfold`,
          postcode: 'GU52 6AA',
        },
        description: 'Loud music from the flat above every night after midnight.',
        complainant: {
          partyId: this.id(),
          name: 'Alex Morgan',
          contact: { phone: '01632 960 000' },
        },
      }),
      this.event('matterAssigned', { officerId: this.person.id }),
      this.event('thresholdAssessed', { met: true, reason: 'Persistent.' }),
      this.event('diarySheetsIssued', { issuedOn: new Date().toISOString().slice(0, 10) }),
    ]
  }

  diaryEntries(): DomainEvent[] {
    return Array.from({ length: this.r.int(1, 3) }, () =>
      this.event('diaryEntryRecorded', {
        happenedAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: 'Flat 3',
        who: 'The neighbour above',
        what: 'Music at full volume from 00:30 to 03:00.',
        impact: 'Could not sleep.',
        recordsAsb: true,
      }),
    )
  }

  async push(events: DomainEvent[]): Promise<boolean> {
    const res = await fetch(`${this.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.person.token}` },
      body: JSON.stringify({ deviceId: this.deviceId, events }),
    })
    if (res.status !== 200) {
      await res.body?.cancel()
      return false
    }
    const { results } = (await res.json()) as PushResponse
    return results.every((r) => r.status === 'accepted')
  }

  async pull(): Promise<boolean> {
    const res = await fetch(`${this.url}/api/sync/pull?after=${this.cursor}&limit=500`, {
      headers: { authorization: `Bearer ${this.person.token}` },
    })
    if (res.status !== 200) {
      await res.body?.cancel()
      return false
    }
    const page = (await res.json()) as PullResponse
    this.cursor = page.cursor
    return true
  }
}

async function timed(
  samples: Sample[],
  kind: Sample['kind'],
  fn: () => Promise<boolean>,
): Promise<void> {
  const t0 = performance.now()
  const ok = await fn().catch(() => false)
  samples.push({ kind, ms: performance.now() - t0, ok })
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchPassword }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/**
 * `paced`: each device syncs once a second (push, then pull, then waits out the second), starting
 * at a random moment of the first second: fifty devices syncing together, far more often than
 * the app's once a minute. `saturated`: no pause at all, so the server always has a queue and the
 * latency measures its throughput (Little's law: latency ≈ 50 ÷ requests per second).
 */
export type LoadMode = 'paced' | 'saturated'
const paceMs = 1_000

async function oneWindow(
  url: string,
  people: Person[],
  cursor: number,
  round: number,
  mode: LoadMode,
): Promise<Sample[]> {
  const devices = Array.from(
    { length: clients },
    (_, n) => new Device(url, people[n % people.length] as Person, round * clients + n, cursor),
  )
  for (const d of devices)
    if (!(await d.push(d.opening())))
      throw new Error('A load-test device could not open its matter.')
  const samples: Sample[] = []
  const start = performance.now()
  const until = start + windowMs
  const jitter = new Random(0x5eed, round)
  await Promise.all(
    devices.map(async (d) => {
      let next = start + (mode === 'paced' ? jitter.next() * paceMs : 0)
      for (;;) {
        if (mode === 'paced')
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
        if (performance.now() >= until) return
        next += paceMs
        await timed(samples, 'push', () => d.push(d.diaryEntries()))
        await timed(samples, 'pull', () => d.pull())
      }
    }),
  )
  return samples
}

/** Signs in the people whose devices the clients are: every tenth a manager's, the rest officers'. */
export async function clientPeople(url: string, meta: CouncilMeta): Promise<Person[]> {
  const officers = meta.staff.filter((u) => u.role === 'officer')
  const managers = meta.staff.filter((u) => u.role === 'manager')
  const people: Person[] = []
  for (let n = 0; n < clients; n++) {
    const u =
      n % 10 === 9 ? managers[Math.floor(n / 10) % managers.length] : officers[n % officers.length]
    if (!u) throw new Error('The council has no staff.')
    const known = people.find((p) => p.id === u.id)
    people.push(
      known ?? { id: u.id, role: u.role as Person['role'], token: await signIn(url, u.username) },
    )
  }
  return people
}

export type LoadRound = { mode: LoadMode; samples: Sample[]; p99: number }

/** One 30 s window of the 50 clients against the server at `url`, which holds the council. */
export async function loadRound(
  url: string,
  people: Person[],
  meta: CouncilMeta,
  round: number,
  mode: LoadMode,
): Promise<LoadRound> {
  // Devices start synced up to the council's last event, and pull what the others add.
  const samples = await oneWindow(url, people, meta.events, round, mode)
  return {
    mode,
    samples,
    p99: percentile(
      samples.map((s) => s.ms),
      99,
    ),
  }
}

export function loadFigures(driver: StorageDriver, rounds: readonly LoadRound[]): Figure[] {
  const name = driver === 'pglite' ? 'PGlite' : 'PostgreSQL'
  const ms1 = (v: number) => `${v.toFixed(1)} ms`
  const figures: Figure[] = []
  for (const mode of ['paced', 'saturated'] as const) {
    const these = rounds.filter((r) => r.mode === mode)
    if (these.length === 0) continue
    const all = these.flatMap((r) => r.samples)
    const p99s = these.map((r) => r.p99)
    const ms = (kind?: Sample['kind']) =>
      all.filter((s) => !kind || s.kind === kind).map((s) => s.ms)
    const perSecond = all.length / ((these.length * windowMs) / 1000)
    const how = mode === 'paced' ? 'each syncing once a second' : 'no pause (closed loop)'
    figures.push(
      {
        id: `load.${driver}.${mode === 'paced' ? 'p99' : 'saturated.p99'}`,
        label: `${clients} clients ${how}, ${name}: p99`,
        value: median(p99s),
        unit: 'ms',
        runs: p99s,
        note: `p50 ${ms1(percentile(ms(), 50))}, max ${ms1(Math.max(...ms()))}; push p99 ${ms1(percentile(ms('push'), 99))}, pull p99 ${ms1(percentile(ms('pull'), 99))}; ${Math.round(perSecond).toLocaleString('en-GB')} requests/s`,
      },
      {
        id: `load.${driver}.${mode === 'paced' ? 'errors' : 'saturated.errors'}`,
        label: `${clients} clients ${how}, ${name}: errors`,
        value: all.filter((s) => !s.ok).length,
        unit: '',
        note: `${all.length.toLocaleString('en-GB')} requests`,
      },
    )
  }
  return figures
}

async function driverFigures(ctx: BenchContext, driver: StorageDriver): Promise<Figure[]> {
  const council = await ctx.council()
  const db = await seededDatabase(ctx, driver)
  ctx.onClose(() => db.dispose())
  const server = await startServer(db.env)
  ctx.onClose(() => server.stop())
  try {
    const people = await clientPeople(server.url, council.meta)
    const rounds: LoadRound[] = []
    const paced = ctx.runs ?? 3
    for (let round = 0; round <= paced; round++) {
      // Several paced rounds for the median, then one saturated round for the server's capacity.
      const mode: LoadMode = round < paced ? 'paced' : 'saturated'
      ctx.log(`${driver}: ${clients} clients, ${mode}, ${windowMs / 1000} s…`)
      rounds.push(await loadRound(server.url, people, council.meta, round, mode))
    }
    return loadFigures(driver, rounds)
  } finally {
    await server.stop()
  }
}

export const concurrentClients: Bench = {
  name: 'load',
  title: `${clients} concurrent clients pushing and pulling for ${windowMs / 1000} s (real server, loopback)`,
  sizes: ['small', 'council'],
  async run(ctx) {
    const figures: Figure[] = []
    if (ctx.drivers.includes('pglite')) figures.push(...(await driverFigures(ctx, 'pglite')))
    if (ctx.drivers.includes('postgres')) {
      if (await postgresReachable()) figures.push(...(await driverFigures(ctx, 'postgres')))
      else
        ctx.log(`PostgreSQL is not reachable at ${postgresUrl}: skipped (set BENCH_DATABASE_URL)`)
    }

    return figures
  },
}
