// `npm run bench`: every benchmark of issue 5 on a generated council, then the issue's table with
// each figure beside its target. Figures, not pass/fail: the run exits 0 when every bench ran.
//
//   node tests/bench/run.ts [--size=small|council|county] [--only=server,load,sync,screens,bundle,files]
//                           [--seed=1] [--runs=N] [--drivers=pglite,postgres]
//
// `--size` defaults to council (the size the targets are set for); the county runs the server
// benches only. Each bench writes reports/bench/<name>.json; the table goes to
// reports/bench/summary.json. Servers, databases and browsers are stopped however the run ends.
import { cpus, loadavg, totalmem } from 'node:os'
import { parseArgs } from 'node:util'
import type { StorageDriver } from '../../src/server/storage/storage.ts'
import { bundleSize } from './bundle-size.ts'
import type { CouncilSize } from './council/council-plan.ts'
import { councilSizes } from './council/council-plan.ts'
import { concurrentClients } from './concurrent-clients.ts'
import { deviceFirstSync } from './device-first-sync.ts'
import { deviceScreens } from './device-screens.ts'
import { fileUpload } from './file-upload.ts'
import { serverSync } from './server-sync.ts'
import type { Bench } from './support/bench-context.ts'
import { benchContext } from './support/bench-context.ts'
import type { Figure } from './support/report.ts'
import { formatValue, printFigures, printTable, say, writeReport } from './support/report.ts'
import { issueRows } from './targets.ts'

const benches: Bench[] = [
  bundleSize,
  serverSync,
  concurrentClients,
  deviceFirstSync,
  deviceScreens,
  fileUpload,
]

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'council' },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string' },
    drivers: { type: 'string', default: 'pglite,postgres' },
  },
})
const size = values.size as CouncilSize
if (!(size in councilSizes))
  throw new Error(`--size is one of ${Object.keys(councilSizes).join(', ')}`)
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const unknown = only?.filter((name) => !benches.some((b) => b.name === name)) ?? []
if (unknown.length > 0)
  throw new Error(
    `Unknown bench ${unknown.join(', ')}: choose from ${benches.map((b) => b.name).join(', ')}`,
  )
const seed = Number(values.seed)
const runs = values.runs ? Number(values.runs) : undefined

const drivers = values.drivers.split(',').map((d) => d.trim()) as StorageDriver[]
const ctx = benchContext(size, seed, runs, drivers)
let closing = false
async function stop(code: number): Promise<never> {
  if (!closing) {
    closing = true
    await ctx.close()
  }
  process.exit(code)
}
process.on('SIGINT', () => void stop(130))
process.on('SIGTERM', () => void stop(143))

const selected = benches.filter((b) => !only || only.includes(b.name))
const figures: Figure[] = []
const failures: { bench: string; error: string }[] = []
const started = new Date()
// Other work on the machine slows every figure: the load average is kept with them.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const loadAtStart = load()
say(
  `Casebook benchmarks: ${size} council (seed ${seed}), ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadAtStart}`,
)
try {
  for (const bench of selected) {
    if (!bench.sizes.includes(size)) {
      say(`\n${bench.title}: not run at the ${size} size.`)
      continue
    }
    say(`\n${bench.title}…`)
    const t0 = performance.now()
    try {
      const result = await bench.run(ctx)
      figures.push(...result)
      printFigures(`${bench.title} (${((performance.now() - t0) / 1000).toFixed(0)} s)`, result)
      const council = await ctx.council()
      writeReport(bench.name, {
        bench: bench.name,
        size,
        seed,
        council: council.meta.key,
        measuredAt: new Date().toISOString(),
        figures: result,
      })
    } catch (error) {
      failures.push({ bench: bench.name, error: (error as Error).stack ?? String(error) })
      say(`${bench.title} failed: ${(error as Error).stack ?? String(error)}`)
    }
  }
} finally {
  await ctx.close()
}

const rows = issueRows(figures)
printTable(
  `Issue 5 targets, ${size} council (seed ${seed})`,
  ['what', 'figure', 'target', 'met'],
  rows.map((r) => [
    r.what,
    r.value === null ? 'not measured' : formatValue(r.value, r.unit),
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]),
)
const file = writeReport('summary', {
  size,
  seed,
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverage: { atStart: loadAtStart, atEnd: load() },
  command: `node tests/bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
  rows,
  figures,
  failures,
})
say(`\nWritten: ${file}`)
if (failures.length > 0) say(`Failed: ${failures.map((f) => f.bench).join(', ')}`)
await stop(failures.length > 0 ? 1 : 0)
