// The closing line of `.ci/run`: "N passed, N failed", read from vitest's json report. It must
// never look better than the run (issue 18), so every test that did not pass because something
// failed counts as failed:
// - a test that failed;
// - every test of a file that failed that did not pass: when a file's `beforeAll` throws (the e2e
//   files start the server and the browser there) vitest marks its tests skipped, and the report
//   cannot tell those from a test skipped on purpose in the same file;
// - a file that failed with no tests to count (a bad import): one;
// - a run that exited non-zero with no failure counted (lint or typecheck failed and vitest never
//   ran, an unhandled error, a crash): one.
// Run as `node .ci/count-results.ts reports/vitest.json <exit status>`; prints "passed failed".
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type AssertionResult = { status: string }
type FileResult = { status: string; assertionResults: AssertionResult[] }
export type VitestJsonReport = { testResults: FileResult[] }

export type Counts = { passed: number; failed: number }

export function countResults(report: VitestJsonReport | null, exitStatus: number): Counts {
  let passed = 0
  let failed = 0
  for (const file of report?.testResults ?? []) {
    const tests = file.assertionResults
    const passedHere = tests.filter((t) => t.status === 'passed').length
    passed += passedHere
    if (file.status === 'failed') failed += Math.max(tests.length - passedHere, 1)
    else failed += tests.filter((t) => t.status === 'failed').length
  }
  if (exitStatus !== 0 && failed === 0) failed = 1
  return { passed, failed }
}

/** The report, or null when there is none (lint or typecheck failed first, or vitest never started). */
export function readReport(file: string): VitestJsonReport | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as Partial<VitestJsonReport>
    return Array.isArray(report.testResults) ? (report as VitestJsonReport) : null
  } catch {
    return null
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file = 'reports/vitest.json', status = '1'] = process.argv.slice(2)
  const { passed, failed } = countResults(readReport(file), Number(status))
  process.stdout.write(`${passed} ${failed}\n`)
}
