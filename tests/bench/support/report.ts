import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../generate-council.ts'

// How the benchmarks report: a figure per row (the median of its runs, with every run kept), a
// plain table on stdout, and JSON under reports/bench/ for anyone who wants to compare runs.

export type Figure = {
  /** The row's key, e.g. `push.pglite`; run.ts matches it to the issue's table. */
  id: string
  label: string
  value: number | null
  unit: string
  /** Each run's figure, when the value is a median. */
  runs?: number[]
  note?: string
}

export const reportDir = join(projectRoot, 'reports/bench')

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The p-th percentile (0–100) by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] as number
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return 'n/a'
  const whole = value === Math.round(value)
  const digits = whole
    ? 0
    : Math.abs(value) < 10
      ? 2
      : Math.abs(value) < 1000 && ['ms', 'kB', 's'].includes(unit)
        ? 1
        : 0
  const n = value.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  })
  return unit ? `${n} ${unit}` : n
}

export function say(line = ''): void {
  process.stdout.write(`${line}\n`)
}

export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  say()
  say(title)
  say(line(header))
  say(
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  )
  for (const r of rows) say(line(r))
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  printTable(
    title,
    ['what', 'median', 'runs', 'note'],
    figures.map((f) => [
      f.label,
      formatValue(f.value, f.unit),
      f.runs ? f.runs.map((r) => formatValue(r, '')).join(', ') : '',
      f.note ?? '',
    ]),
  )
}

export function writeReport(name: string, data: unknown): string {
  mkdirSync(reportDir, { recursive: true })
  const file = join(reportDir, `${name}.json`)
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}
