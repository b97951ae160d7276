// Reads a V8 CPU profile (Chromium's Profiler over CDP, or `node --cpu-prof`) and prints where
// the time went: self time by function and place, and time including callees for app code.
//
//   node tests/bench/support/cpu-profile.ts <file.cpuprofile> [top]
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { say } from './report.ts'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Self time by function and place, and the time inclusive of callees for the busiest ones. */
export function summariseProfile(profile: CpuProfile, top = 25): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<number, number>()
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').pop() ?? ''
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`
  }
  const selfBy = new Map<string, number>()
  const totalBy = new Map<string, number>()
  for (const [id, ms] of self) {
    const node = byId.get(id)
    if (!node) continue
    selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + ms)
    // Inclusive time: each label once per sample, however deep the recursion.
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)
      if (!n) break
      const l = label(n)
      if (seen.has(l)) continue
      seen.add(l)
      totalBy.set(l, (totalBy.get(l) ?? 0) + ms)
    }
  }
  const best = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([l, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${l}`)
  say('  self time:')
  for (const line of best(selfBy, top)) say(line)
  say('  inclusive time (app code):')
  const app = new Map([...totalBy].filter(([l]) => !l.startsWith('(') && !/ :\d+$/.test(l)))
  for (const line of best(app, top)) say(line)
}


if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, top] = process.argv.slice(2)
  if (!file) throw new Error('Usage: node tests/bench/support/cpu-profile.ts <file.cpuprofile> [top]')
  summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top ? Number(top) : 25)
}
