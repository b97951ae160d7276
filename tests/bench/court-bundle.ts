// Issue 13: the court bundle of the council's 500-entry matter (matter 0 of the generated council),
// built in Node as `npm run bundle` builds it: events → PDF bytes, fonts read once beforehand.
// `node tests/bench/court-bundle.ts [--runs=5]` prints the median and writes reports/bench/court-bundle.json.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { buildCourtBundle } from '../../src/documents/court-bundle/build-court-bundle.ts'
import { readPdfFonts } from '../../src/server/documents/read-fonts.ts'
import { bigMatterEntries, councilStaff, generateMatter } from './council/council-plan.ts'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5)
const staffList = councilStaff('council', 1)
const events = generateMatter(0, 1, staffList)
if (events.length !== bigMatterEntries)
  throw new Error(`Matter 0 has ${events.length} entries, not ${bigMatterEntries}`)
const staff = Object.fromEntries(staffList.map((u) => [u.id, { name: u.name, role: u.role }]))
const recorded = events.map((event, index) => ({
  event,
  seq: index + 1,
  receivedAt: event.recordedAt,
}))
const fonts = await readPdfFonts()

const times: number[] = []
// CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
const cpuTimes: number[] = []
let pages = 0
let bytes = 0
for (let run = 0; run < runs; run += 1) {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const pdf = await buildCourtBundle({
    fonts,
    councilName: 'Hart District Council',
    events: recorded,
    staff,
    period: { from: '2020-01-01', to: '2026-12-31' },
    producedBy: { name: 'Bench', role: 'officer' },
    producedAt: '2026-11-02T18:00:00.000Z',
    chainHead: 'f'.repeat(64),
  })
  times.push(performance.now() - started)
  const cpu = process.cpuUsage(cpuBefore)
  cpuTimes.push((cpu.user + cpu.system) / 1000)
  bytes = pdf.length
  pages = (await PDFDocument.load(pdf)).getPageCount()
}
const median = (values: number[]) =>
  Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0)
const result = {
  what: 'court bundle of the 500-entry matter, Node',
  medianMs: median(times),
  medianCpuMs: median(cpuTimes),
  runs: times.map(Math.round),
  targetMs: 1500,
  pages,
  bytes,
}
await mkdir(join(import.meta.dirname, '../../reports/bench'), { recursive: true })
await writeFile(
  join(import.meta.dirname, '../../reports/bench/court-bundle.json'),
  JSON.stringify(result, null, 2),
)
process.stdout.write(`${JSON.stringify(result)}\n`)
