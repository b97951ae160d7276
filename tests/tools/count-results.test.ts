// @vitest-environment node
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countResults, readReport } from '../../.ci/count-results.ts'

// `.ci/run`'s closing line must never look better than the run (issue 18). These throwaway test
// files are run by the real vitest, and its json report goes through the same counting.

const files = {
  // The way an e2e file fails when its server or browser does not start.
  'broken-start.test.ts': `import { beforeAll, describe, expect, it } from 'vitest'
describe('a journey whose server never starts', () => {
  beforeAll(() => { throw new Error('the server did not start') })
  it('signs in', () => expect(1).toBe(1))
  it('records a contact', () => expect(1).toBe(1))
  it('syncs', () => expect(1).toBe(1))
})`,
  'mixed.test.ts': `import { expect, it } from 'vitest'
it('passes', () => expect(1).toBe(1))
it('fails', () => expect(1).toBe(2))`,
  'passing.test.ts': `import { expect, it } from 'vitest'
it('passes', () => expect(1).toBe(1))
it('passes too', () => expect(2).toBe(2))
it.skip('skipped on purpose in a file that passed', () => expect(1).toBe(2))`,
  'bad-import.test.ts': `import './missing.ts'
import { it } from 'vitest'
it('never collected', () => {})`,
}

let dir: string
let status: number
beforeAll(async () => {
  // Inside the project so the throwaway files resolve `vitest` from its node_modules.
  dir = mkdtempSync(resolve('reports', 'count-results-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  writeFileSync(join(dir, 'vitest.config.ts'), 'export default {}\n')
  const vitest = resolve('node_modules/vitest/vitest.mjs')
  const args = [vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.ts'), '--reporter=json', '--outputFile=report.json']
  status = await promisify(execFile)(process.execPath, args, { cwd: dir }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? 1,
  )
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the closing line of .ci/run', () => {
  it('counts every test of a file whose beforeAll failed, a file that did not load, and each failed test', () => {
    expect(status).toBe(1)
    // Passed: 1 in mixed, 2 in passing. Failed: 3 never run in broken-start, 1 in mixed, 1 for bad-import.
    expect(countResults(readReport(join(dir, 'report.json')), status)).toEqual({ passed: 3, failed: 5 })
  })

  it('counts a run that stopped before vitest (lint or typecheck failed) as one failure', () => {
    expect(countResults(readReport(join(dir, 'no-such-report.json')), 2)).toEqual({ passed: 0, failed: 1 })
  })

  it('counts a failed run whose report shows no failure (an unhandled error) as one failure', () => {
    const report = { testResults: [{ status: 'passed', assertionResults: [{ status: 'passed' }] }] }
    expect(countResults(report, 1)).toEqual({ passed: 1, failed: 1 })
  })

  it('says a clean run is clean, a test skipped on purpose counted as neither', () => {
    const report = {
      testResults: [{ status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'passed' }, { status: 'skipped' }] }],
    }
    expect(countResults(report, 0)).toEqual({ passed: 2, failed: 0 })
  })
})
