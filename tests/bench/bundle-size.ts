// The JavaScript the first screen needs, gzipped: dist/index.html's module script and
// modulepreloads, everything they import statically, and the Today screen's lazy chunk with its
// own static imports (Today is the first screen of a signed-in officer; sign-in is smaller). Also
// the complainant's diary page (dist/diary.html), its own small app (issue 12: at most 60 kB).
// Each file is gzipped on its own at level 9, as a server would send it. 1 kB = 1,000 bytes.
//
//   node tests/bench/run.ts --only=bundle
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { projectRoot } from './generate-council.ts'
import { ensureBuild } from './support/app-build.ts'
import type { Bench } from './support/bench-context.ts'

const dist = join(projectRoot, 'dist')
// Rolldown's output quotes specifiers with "", '' or ``.
const staticImport = /\b(?:import|export)\s*(?:[^"'`()]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g
const dynamicImport = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g

/** dist-relative path of a module specifier found in `from` (e.g. "./x.js" in assets/y.js). */
function resolve(from: string, specifier: string): string {
  if (specifier.startsWith('/')) return specifier.slice(1)
  const base = from.split('/').slice(0, -1)
  for (const part of specifier.split('/')) {
    if (part === '..') base.pop()
    else if (part !== '.') base.push(part)
  }
  return base.join('/')
}

function staticGraph(entries: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    for (const m of code.matchAll(staticImport)) if (m[1]) visit(resolve(file, m[1]))
  }
  entries.forEach(visit)
  return seen
}

export type FirstScreenFiles = {
  files: { file: string; bytes: number; gzip: number }[]
  total: number
  totalGzip: number
}

/** The module script and modulepreloads a built page names, dist-relative. */
function htmlEntries(page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8')
  return [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    ),
  ].map((src) => resolve(page, src))
}

function sized(all: Set<string>): FirstScreenFiles {
  const files = [...all].sort().map((file) => {
    const code = readFileSync(join(dist, file))
    return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length }
  })
  return {
    files,
    total: files.reduce((n, f) => n + f.bytes, 0),
    totalGzip: files.reduce((n, f) => n + f.gzip, 0),
  }
}

/** The complainant's diary page (diary.html): everything it loads before it can draw. */
export function diaryPageJs(): FirstScreenFiles {
  return sized(staticGraph(htmlEntries('diary.html')))
}

/** The files the first screen (`lazyScreen`'s chunk, matched by name) loads, with their sizes. */
export function firstScreenJs(lazyScreen = 'today-screen'): FirstScreenFiles {
  const entries = htmlEntries('index.html')
  const shell = staticGraph(entries)
  const screen = [...shell].flatMap((file) =>
    [...readFileSync(join(dist, file), 'utf8').matchAll(dynamicImport)]
      .map((m) => resolve(file, m[1] ?? ''))
      .filter((f) => f.includes(`/${lazyScreen}-`)),
  )
  if (screen.length === 0)
    throw new Error(`No lazy chunk named ${lazyScreen} is imported by the entry.`)
  return sized(staticGraph([...entries, ...screen]))
}

export const bundleSize: Bench = {
  name: 'bundle',
  title: 'Initial JavaScript of the first screen (Today), gzipped',
  sizes: ['small', 'council', 'county'],
  run(ctx) {
    ensureBuild(ctx.log)
    const today = firstScreenJs('today-screen')
    const signIn = firstScreenJs('sign-in-screen')
    const diary = diaryPageJs()
    for (const f of today.files)
      ctx.log(
        `${f.file.padEnd(48)} ${(f.gzip / 1000).toFixed(1).padStart(6)} kB gzip (${(f.bytes / 1000).toFixed(1)} kB)`,
      )
    return Promise.resolve([
      {
        id: 'bundle.initialJs',
        label: 'initial JS, Today screen, gzipped',
        value: today.totalGzip / 1000,
        unit: 'kB',
        note: `${today.files.length} files, ${(today.total / 1000).toFixed(0)} kB before gzip`,
      },
      {
        id: 'bundle.signInJs',
        label: 'initial JS, sign-in screen, gzipped',
        value: signIn.totalGzip / 1000,
        unit: 'kB',
        note: `${signIn.files.length} files`,
      },
      {
        id: 'bundle.diaryJs',
        label: 'initial JS, complainant diary page, gzipped',
        value: diary.totalGzip / 1000,
        unit: 'kB',
        note: `${diary.files.length} files, ${(diary.total / 1000).toFixed(0)} kB before gzip`,
      },
    ])
  },
}
