// The generated council the benchmarks run on: `node tests/bench/generate-council.ts --size=council`.
//
// Deterministic from (size, seed): every event is made by the domain's own checks (see
// council/matter-story.ts), on a fixed clock that ends at `councilNow`. The events are kept in
// reports/bench-cache/ as gzipped NDJSON in the order they are pushed to the server (the order
// they were recorded in, across the council), with a JSON file of facts about them. The cache key
// includes a hash of the generator's and the domain's sources, so a change to either makes a new
// council instead of reusing one the rules might now refuse.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { createGunzip, createGzip } from 'node:zlib'
import type { DomainEvent } from '../../src/domain/events.ts'
import { fold } from '../../src/domain/fold.ts'
import type { CouncilSize, CouncilUser } from './council/council-plan.ts'
import {
  bigMatterEntries,
  councilNow,
  councilSizes,
  councilStaff,
  generateMatter,
} from './council/council-plan.ts'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
export const cacheDir = join(projectRoot, 'reports/bench-cache')

export type CouncilMeta = {
  size: CouncilSize
  seed: number
  key: string
  now: string
  matters: number
  events: number
  staff: CouncilUser[]
  bigMatter: { id: string; reference: string; entries: number; phase: string }
  phases: Record<string, number>
  types: Record<string, number>
  generatedInMs: number
}

export type Council = {
  meta: CouncilMeta
  /** The events in push order, read from the cache as a stream (the county does not fit in memory). */
  events(): AsyncIterable<DomainEvent>
}

/** The sources a generated council depends on: change one, get a new council. */
function sourcesHash(): string {
  const hash = createHash('sha256')
  const files = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? files(join(dir, d.name))
        : d.name.endsWith('.ts')
          ? [join(dir, d.name)]
          : [],
    )
  const all = [
    ...files('src/domain'),
    ...files('tests/bench/council'),
    'tests/unit/support/risk-assessment.ts',
    'tests/bench/generate-council.ts',
  ].sort()
  for (const f of all) hash.update(f).update(readFileSync(join(projectRoot, f)))
  return hash.digest('hex').slice(0, 12)
}

const paths = (size: CouncilSize, seed: number) => {
  const key = `${size}-seed${seed}-${sourcesHash()}`
  return { key, events: join(cacheDir, `${key}.ndjson.gz`), meta: join(cacheDir, `${key}.json`) }
}

/** The council of that size and seed, generated first if it is not in the cache. */
export async function loadCouncil(
  size: CouncilSize,
  seed = 1,
  log: (line: string) => void = () => undefined,
): Promise<Council> {
  const p = paths(size, seed)
  if (!existsSync(p.meta)) {
    log(
      `Generating the ${size} council (seed ${seed}); it is cached in ${cacheDir} for the next run…`,
    )
    await generate(size, seed, p)
  }
  const meta = JSON.parse(readFileSync(p.meta, 'utf8')) as CouncilMeta
  return { meta, events: () => readEvents(p.events) }
}

async function* readEvents(file: string): AsyncIterable<DomainEvent> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })
  for await (const line of lines) if (line) yield JSON.parse(line) as DomainEvent
}

/** Every event of the council in memory, in push order (small and council sizes). */
export async function allEvents(council: Council): Promise<DomainEvent[]> {
  const out: DomainEvent[] = []
  for await (const e of council.events()) out.push(e)
  return out
}

// Each worker tells a range of matters and files every event under the month it was recorded in,
// with a sort key (recordedAt, matter, position), so the months can be sorted and joined after.
type WorkerTask = {
  size: CouncilSize
  seed: number
  from: number
  to: number
  dir: string
  worker: number
}
type WorkerResult = {
  phases: Record<string, number>
  types: Record<string, number>
  events: number
  big: CouncilMeta['bigMatter'] | null
}

function tellMatters({ size, seed, from, to, dir, worker }: WorkerTask): WorkerResult {
  const staff = councilStaff(size, seed)
  const buckets = new Map<string, string[]>()
  const flush = (month: string, lines: string[]) => {
    writeFileSync(join(dir, `${month}.w${worker}.tsv`), lines.join(''), { flag: 'a' })
    lines.length = 0
  }
  const result: WorkerResult = { phases: {}, types: {}, events: 0, big: null }
  for (let index = from; index < to; index++) {
    const events = generateMatter(index, seed, staff)
    const state = fold(events)
    if (!state) throw new Error(`Matter ${index} has no report.`)
    result.phases[state.phase] = (result.phases[state.phase] ?? 0) + 1
    if (index === 0)
      result.big = {
        id: state.id,
        reference: state.reference,
        entries: events.length,
        phase: state.phase,
      }
    events.forEach((e, k) => {
      result.types[e.type] = (result.types[e.type] ?? 0) + 1
      const month = e.recordedAt.slice(0, 7)
      const lines = buckets.get(month) ?? []
      buckets.set(month, lines)
      lines.push(
        `${e.recordedAt}\t${String(index).padStart(7, '0')}\t${String(k).padStart(5, '0')}\t${JSON.stringify(e)}\n`,
      )
      if (lines.length >= 2_000) flush(month, lines)
    })
    result.events += events.length
  }
  for (const [month, lines] of buckets) if (lines.length > 0) flush(month, lines)
  return result
}

async function generate(
  size: CouncilSize,
  seed: number,
  p: ReturnType<typeof paths>,
): Promise<void> {
  const started = performance.now()
  mkdirSync(cacheDir, { recursive: true })
  const dir = join(cacheDir, `tmp-${p.key}-${process.pid}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  try {
    const { matters } = councilSizes[size]
    const workers = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(matters / 500)))
    const step = Math.ceil(matters / workers)
    const tasks = Array.from({ length: workers }, (_, w) => ({
      size,
      seed,
      from: w * step,
      to: Math.min(matters, (w + 1) * step),
      dir,
      worker: w,
    }))
    const results = await Promise.all(tasks.map(runWorker))
    const merge = (key: 'phases' | 'types') =>
      results.reduce<Record<string, number>>((acc, r) => {
        for (const [k, v] of Object.entries(r[key])) acc[k] = (acc[k] ?? 0) + v
        return acc
      }, {})
    const big = results.find((r) => r.big)?.big
    if (!big || big.entries !== bigMatterEntries)
      throw new Error(`Matter 0 should have ${bigMatterEntries} entries: ${JSON.stringify(big)}`)
    const partial = `${p.events}.${process.pid}`
    await pipeline(sortedLines(dir), createGzip({ level: 6 }), createWriteStream(partial))
    renameSync(partial, p.events)
    const meta: CouncilMeta = {
      size,
      seed,
      key: p.key,
      now: new Date(councilNow).toISOString(),
      matters,
      events: results.reduce((n, r) => n + r.events, 0),
      staff: councilStaff(size, seed),
      bigMatter: big,
      phases: merge('phases'),
      types: merge('types'),
      generatedInMs: Math.round(performance.now() - started),
    }
    writeFileSync(p.meta, `${JSON.stringify(meta, null, 2)}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function* sortedLines(dir: string): Iterable<string> {
  const months = [...new Set(readdirSync(dir).map((f) => f.slice(0, 7)))].sort()
  for (const month of months) {
    const lines = readdirSync(dir)
      .filter((f) => f.startsWith(month))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .sort()
    yield lines.map((l) => `${l.slice(l.indexOf('\t{') + 1)}\n`).join('')
  }
}

function runWorker(task: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: task })
    worker.once('message', (result: WorkerResult) => resolve(result))
    worker.once('error', reject)
    worker.once(
      'exit',
      (code) => code !== 0 && reject(new Error(`A generator worker exited with code ${code}.`)),
    )
  })
}

if (!isMainThread && parentPort) {
  parentPort.postMessage(tellMatters(workerData as WorkerTask))
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'council' },
      seed: { type: 'string', default: '1' },
    },
  })
  const size = values.size as CouncilSize
  if (!(size in councilSizes))
    throw new Error(`--size is one of ${Object.keys(councilSizes).join(', ')}`)
  const council = await loadCouncil(size, Number(values.seed), (l) =>
    process.stdout.write(`${l}\n`),
  )
  const { meta } = council
  process.stdout.write(
    `${meta.size} (seed ${meta.seed}): ${meta.matters.toLocaleString('en-GB')} matters, ${meta.events.toLocaleString('en-GB')} events, ` +
      `generated in ${(meta.generatedInMs / 1000).toFixed(1)} s\nphases: ${JSON.stringify(meta.phases)}\n` +
      `matter with ${meta.bigMatter.entries} entries: ${meta.bigMatter.reference} (${meta.bigMatter.phase})\n`,
  )
}
