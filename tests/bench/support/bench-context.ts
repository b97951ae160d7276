import type { StorageDriver } from '../../../src/server/storage/storage.ts'
import type { CouncilSize } from '../council/council-plan.ts'
import type { Council } from '../generate-council.ts'
import { loadCouncil } from '../generate-council.ts'
import type { Figure } from './report.ts'
import { say } from './report.ts'

// What every benchmark is given: the council to run on, how many runs to take the median of,
// and a place to register clean-ups, so servers and browsers stop however the run ends.

export type BenchContext = {
  size: CouncilSize
  seed: number
  /** Runs per measurement when given on the command line (`--runs=`); each bench has its default. */
  runs: number | undefined
  /** The server databases to run on: PGlite always, PostgreSQL when it is reachable (`--drivers=`). */
  drivers: readonly StorageDriver[]
  council(): Promise<Council>
  /** Registers a clean-up; run.ts calls them all, last first, when the run ends or is interrupted. */
  onClose(fn: () => Promise<void> | void): void
  /** Shared things one bench makes and another can reuse (the seeded server, a synced browser profile). */
  shared: Map<string, unknown>
  log: (line: string) => void
}

export type Bench = {
  name: string
  title: string
  /** Sizes the bench runs at; the county is for the server only. */
  sizes: readonly CouncilSize[]
  run(ctx: BenchContext): Promise<Figure[]>
}

export function benchContext(
  size: CouncilSize,
  seed: number,
  runs: number | undefined,
  drivers: readonly StorageDriver[] = ['pglite', 'postgres'],
): BenchContext & { close(): Promise<void> } {
  const closers: (() => Promise<void> | void)[] = []
  let council: Promise<Council> | undefined
  return {
    size,
    seed,
    runs,
    drivers,
    council: () => (council ??= loadCouncil(size, seed, say)),
    onClose: (fn) => closers.push(fn),
    shared: new Map(),
    log: (line) => say(`  ${line}`),
    async close() {
      while (closers.length > 0) {
        const fn = closers.pop()
        try {
          await fn?.()
        } catch (error) {
          say(`  (clean-up failed: ${(error as Error).message})`)
        }
      }
    },
  }
}

/** The value of `shared[key]`, made once by `make`. */
export function sharedOnce<T>(ctx: BenchContext, key: string, make: () => Promise<T>): Promise<T> {
  const existing = ctx.shared.get(key) as Promise<T> | undefined
  if (existing) return existing
  const made = make()
  ctx.shared.set(key, made)
  return made
}
