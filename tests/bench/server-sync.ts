// Server push and pull throughput, events per second, on PGlite and on PostgreSQL: the whole
// generated council pushed through the real HTTP handlers in-process (`app.request`: JSON, zod,
// auth, checkEvent, SQL; no network), each batch by its author, then pulled back whole by a
// manager (everything) and by the officer with the largest caseload (visibility filtered).
//
//   node tests/bench/run.ts --only=server [--size=small|council|county] [--runs=3]
import { defaultLimits } from '../../src/server/app-env.ts'
import { createApp } from '../../src/server/app.ts'
import { createFileStore } from '../../src/server/files/file-store.ts'
import { silentLog } from '../../src/server/logging/log.ts'
import type { StorageDriver } from '../../src/server/storage/storage.ts'
import type { Bench, BenchContext } from './support/bench-context.ts'
import { openBenchDatabase, postgresReachable, postgresUrl } from './support/bench-storage.ts'
import type { Send } from './support/council-sync.ts'
import { pullEverything, sessionTokens } from './support/council-sync.ts'
import type { Figure } from './support/report.ts'
import { median } from './support/report.ts'
import { keepSnapshot, seedDatabase } from './support/seeded-council.ts'

const pullPage = 1_000

async function driverFigures(ctx: BenchContext, driver: StorageDriver): Promise<Figure[]> {
  const council = await ctx.council()
  const { events } = council.meta
  // Each push run needs an empty database and the whole council; the county is pushed once.
  const pushRuns = ctx.runs ?? (events > 1_000_000 ? 1 : 3)
  const push: number[] = []
  const pushWall: number[] = []
  const pulls: Record<'manager' | 'officer', number[]> = { manager: [], officer: [] }
  const pulled: Record<'manager' | 'officer', number> = { manager: 0, officer: 0 }
  for (let run = 1; run <= pushRuns; run++) {
    const db = await openBenchDatabase(driver)
    let keep = false
    try {
      ctx.log(
        `${driver}: push run ${run} of ${pushRuns} (${events.toLocaleString('en-GB')} events)…`,
      )
      const totals = await seedDatabase(db, council, (t) => {
        if (t.requests % 200 === 0)
          ctx.log(
            `${driver}: ${t.events.toLocaleString('en-GB')} events, ${Math.round((t.events / t.serverMs) * 1000).toLocaleString('en-GB')}/s so far`,
          )
      })
      push.push((totals.events / totals.serverMs) * 1000)
      pushWall.push((totals.events / totals.wallMs) * 1000)
      if (run === pushRuns) {
        const app = createApp({
          storage: db.storage,
          log: silentLog,
          clock: () => new Date(),
          limits: defaultLimits,
          files: createFileStore(db.storage),
        })
        const send: Send = (path, init) => Promise.resolve(app.request(path, init))
        const manager = council.meta.staff.find((u) => u.role === 'manager')
        const officer = council.meta.staff.find((u) => u.role === 'officer')
        if (!manager || !officer) throw new Error('The council has no manager or officer.')
        const tokens = await sessionTokens(db.storage, [manager.id, officer.id])
        const pullRuns = ctx.runs ?? 3
        for (const [who, id] of [
          ['manager', manager.id],
          ['officer', officer.id],
        ] as const) {
          for (let i = 0; i < pullRuns; i++) {
            const totals = await pullEverything(send, tokens.get(id) ?? '', pullPage)
            pulls[who].push((totals.events / totals.ms) * 1000)
            pulled[who] = totals.events
          }
        }
        if (pulled.manager !== events)
          throw new Error(`The manager pulled ${pulled.manager} of ${events} events.`)
        keep = driver === 'pglite'
      }
    } finally {
      await db.close({ keep })
    }
    // The last PGlite run is a seeded council the browser and load benches can start from.
    if (keep && keepSnapshot(council, db.where))
      ctx.log('kept the seeded PGlite database for the other benches')
  }
  const name = driver === 'pglite' ? 'PGlite' : 'PostgreSQL'
  return [
    {
      id: `push.${driver}`,
      label: `push, ${name}`,
      value: median(push),
      unit: 'events/s',
      runs: push,
      note: `${events.toLocaleString('en-GB')} events in batches of ≤ 500; wall ${Math.round(median(pushWall)).toLocaleString('en-GB')}/s with the client's JSON`,
    },
    {
      id: `pull.${driver}.manager`,
      label: `pull, ${name}, manager (everything)`,
      value: median(pulls.manager),
      unit: 'events/s',
      runs: pulls.manager,
      note: `${pulled.manager.toLocaleString('en-GB')} events, pages of ${pullPage}`,
    },
    {
      id: `pull.${driver}.officer`,
      label: `pull, ${name}, officer (own caseload)`,
      value: median(pulls.officer),
      unit: 'events/s',
      runs: pulls.officer,
      note: `${pulled.officer.toLocaleString('en-GB')} events, pages of ${pullPage}`,
    },
  ]
}

export const serverSync: Bench = {
  name: 'server',
  title: 'Server push and pull throughput (in-process HTTP handlers)',
  sizes: ['small', 'council', 'county'],
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
