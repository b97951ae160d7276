import type { Figure } from './support/report.ts'

// Issue 5's table: each row's target, and which measured figures it is judged on.

type Target = { id: string; what: string; target: string; met: (value: number) => boolean }

const atMost = (limit: number) => (v: number) => v <= limit
const atLeast = (limit: number) => (v: number) => v >= limit

const targets: Target[] = [
  {
    id: 'screens.coldStart',
    what: 'offline cold start: navigation to the Today screen drawn, service worker in control',
    target: '≤ 1,000 ms',
    met: atMost(1_000),
  },
  {
    id: 'screens.openMatter',
    what: 'open a matter with 500 chronology entries: page and first entries drawn',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  {
    id: 'screens.openMatterAll',
    what: '  … until all 500 entries are drawn',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  {
    id: 'screens.search',
    what: 'search, one keystroke to results drawn',
    target: '≤ 50 ms',
    met: atMost(50),
  },
  {
    id: 'screens.diary',
    what: 'record a diary entry, submit to committed in IndexedDB',
    target: '≤ 20 ms',
    met: atMost(20),
  },
  {
    id: 'sync.full',
    what: 'first full sync of a new device',
    target: '≤ 20 s',
    met: atMost(20_000),
  },
  {
    id: 'sync.bulkPut',
    what: '  a bare IndexedDB bulkPut of the same records, same browser',
    target: '(reference)',
    met: () => true,
  },
  { id: 'sync.ratio', what: '  first full sync ÷ bare bulkPut', target: '≤ 2×', met: atMost(2) },
  {
    id: 'push.pglite',
    what: 'server push, events/s, PGlite',
    target: '≥ 5,000',
    met: atLeast(5_000),
  },
  {
    id: 'push.postgres',
    what: 'server push, events/s, PostgreSQL',
    target: '≥ 20,000',
    met: atLeast(20_000),
  },
  {
    id: 'pull.pglite.manager',
    what: 'server pull, events/s, PGlite, manager (everything)',
    target: '≥ 50,000',
    met: atLeast(50_000),
  },
  {
    id: 'pull.pglite.officer',
    what: 'server pull, events/s, PGlite, officer (own caseload)',
    target: '≥ 50,000',
    met: atLeast(50_000),
  },
  {
    id: 'pull.postgres.manager',
    what: 'server pull, events/s, PostgreSQL, manager (everything)',
    target: '≥ 50,000',
    met: atLeast(50_000),
  },
  {
    id: 'pull.postgres.officer',
    what: 'server pull, events/s, PostgreSQL, officer (own caseload)',
    target: '≥ 50,000',
    met: atLeast(50_000),
  },
  {
    id: 'load.pglite.p99',
    what: '50 clients for 30 s, each syncing once a second, PGlite: p99',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  { id: 'load.pglite.errors', what: '  errors', target: '0', met: (v) => v === 0 },
  {
    id: 'load.pglite.saturated.p99',
    what: '  the same with no pause (closed loop): p99',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  { id: 'load.pglite.saturated.errors', what: '  errors', target: '0', met: (v) => v === 0 },
  {
    id: 'load.postgres.p99',
    what: '50 clients for 30 s, each syncing once a second, PostgreSQL: p99',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  { id: 'load.postgres.errors', what: '  errors', target: '0', met: (v) => v === 0 },
  {
    id: 'load.postgres.saturated.p99',
    what: '  the same with no pause (closed loop): p99',
    target: '≤ 100 ms',
    met: atMost(100),
  },
  { id: 'load.postgres.saturated.errors', what: '  errors', target: '0', met: (v) => v === 0 },
  {
    id: 'files.upload.pglite',
    what: 'upload a 50 MB file over loopback, PGlite (files under DATA_DIR)',
    target: '≥ 20 MB/s',
    met: atLeast(20),
  },
  {
    id: 'files.rss.pglite',
    what: '  server RSS growth during the uploads',
    target: '< 50 MB',
    met: (v) => v < 50,
  },
  {
    id: 'files.upload.postgres',
    what: 'upload a 50 MB file over loopback, PostgreSQL (file_chunks)',
    target: '≥ 20 MB/s',
    met: atLeast(20),
  },
  {
    id: 'files.rss.postgres',
    what: '  server RSS growth during the uploads',
    target: '< 50 MB',
    met: (v) => v < 50,
  },
  {
    id: 'bundle.initialJs',
    what: 'initial JavaScript, gzipped',
    target: '≤ 170 KB',
    met: atMost(170),
  },
  {
    id: 'bundle.diaryJs',
    what: 'complainant diary page initial JavaScript, gzipped (issue 12)',
    target: '≤ 60 KB',
    met: atMost(60),
  },
]

export type IssueRow = {
  id: string
  what: string
  target: string
  value: number | null
  unit: string
  met: boolean | null
}

export function issueRows(figures: readonly Figure[]): IssueRow[] {
  const byId = new Map(figures.map((f) => [f.id, f]))
  return targets.map((t) => {
    const f = byId.get(t.id)
    const value = f?.value ?? null
    const measured = value !== null && !Number.isNaN(value)
    return {
      id: t.id,
      what: t.what,
      target: t.target,
      value,
      unit: f?.unit ?? '',
      met: measured ? t.met(value) : null,
    }
  })
}
