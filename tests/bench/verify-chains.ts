// `npm run verify` over a generated council (issue 13: ≤ 20 s for the council, about 245,000
// events, on PostgreSQL). Seeds a database through the sync API as the server benches do (PGlite
// from the cached snapshot, PostgreSQL afresh, dropped at the end), then times the real CLI as a
// child process, start to exit, and prints its last line.
//
//   node tests/bench/verify-chains.ts [--size=small|council|county] [--drivers=pglite,postgres] [--runs=1]
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import type { CouncilSize } from './council/council-plan.ts'
import { councilSizes } from './council/council-plan.ts'
import type { StorageDriver } from '../../src/server/storage/storage.ts'
import { benchContext } from './support/bench-context.ts'
import { postgresReachable } from './support/bench-storage.ts'
import { projectRoot } from './generate-council.ts'
import { say } from './support/report.ts'
import { seededDatabase } from './support/seeded-council.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'council' },
    drivers: { type: 'string', default: 'pglite,postgres' },
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
  },
})
const size = values.size as CouncilSize
if (!(size in councilSizes)) throw new Error(`--size is one of ${Object.keys(councilSizes).join(', ')}`)
const drivers = values.drivers.split(',').map((d) => d.trim()) as StorageDriver[]
const ctx = benchContext(size, Number(values.seed), Number(values.runs), drivers)

try {
  const council = await ctx.council()
  say(`npm run verify on the ${size} council: ${council.meta.events.toLocaleString('en-GB')} events`)
  for (const driver of drivers) {
    if (driver === 'postgres' && !(await postgresReachable())) {
      say('  PostgreSQL is not reachable: skipped')
      continue
    }
    const db = await seededDatabase(ctx, driver)
    try {
      for (let run = 1; run <= Number(values.runs); run++) {
        const started = performance.now()
        const result = spawnSync(process.execPath, ['src/server/cli/verify.ts'], {
          cwd: projectRoot,
          env: { ...process.env, ...db.env },
          encoding: 'utf8',
        })
        const seconds = ((performance.now() - started) / 1000).toFixed(1)
        const last = result.stdout.trim().split('\n').at(-1) ?? ''
        say(`  ${driver}, run ${run}: ${seconds} s wall, exit ${result.status}: ${last}`)
        if (result.status !== 0) say(result.stderr || result.stdout.slice(0, 2_000))
      }
    } finally {
      await db.dispose()
    }
  }
} finally {
  await ctx.close()
}
