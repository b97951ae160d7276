import type { Storage } from '../storage/storage.ts'
import { verifyChains } from './verify-chains.ts'

// What `npm run verify` prints and the exit code it ends with: each broken link on a line of its
// own, then a summary; 1 when any link is broken, 0 otherwise.

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

export async function verifyReport(
  storage: Storage,
  options: { reference?: string; clock?: () => number },
  write: (line: string) => void,
): Promise<number> {
  const clock = options.clock ?? (() => performance.now())
  const started = clock()
  const summary = await verifyChains(storage, options)
  for (const p of summary.problems) write(`${p.reference}: ${p.message}`)
  const seconds = ((clock() - started) / 1000).toFixed(1)
  const checked = `${count(summary.events, 'event', 'events')} in ${count(summary.matters, 'matter', 'matters')}`
  if (options.reference !== undefined && summary.matters === 0 && summary.problems.length === 0) {
    write(`No matter has the reference ${options.reference}.`)
    return 2
  }
  if (summary.problems.length > 0) {
    const broken = new Set(summary.problems.map((p) => p.matterId)).size
    write(
      `Checked ${checked} in ${seconds} s: ${count(summary.problems.length, 'problem', 'problems')} in ${count(broken, 'matter', 'matters')}. The record has been altered since it was stored.`,
    )
    return 1
  }
  write(`Checked ${checked} in ${seconds} s: every chain is intact.`)
  return 0
}
