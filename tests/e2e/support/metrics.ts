import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { projectRoot } from './app-server.ts'

// Timings the issue asks us to report, printed and kept in reports/e2e-metrics.json (merged, so
// each test file adds its own keys).

const file = join(projectRoot, 'reports/e2e-metrics.json')

export async function recordMetrics(metrics: Record<string, number>): Promise<void> {
  const existing = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  )
  await mkdir(join(projectRoot, 'reports'), { recursive: true })
  const merged = { ...existing, ...metrics, measuredAt: new Date().toISOString() }
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`)
  // eslint-disable-next-line no-console -- the run log is where a person reads the timings
  for (const [name, value] of Object.entries(metrics)) console.log(`[e2e metric] ${name}: ${value}`)
}
