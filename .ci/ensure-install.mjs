// @ts-check
// First step of `npm test`: on a fresh clone (no node_modules) or after the lockfile changed, install
// from the lockfile, so `npm test` works on its own without `npm install` first (issue 15, item 9).
// Plain JavaScript on purpose: it runs on whatever Node runs npm (Debian's 20 here), before the
// pinned Node 24 is installed; the steps after it run on Node 24 from node_modules/.bin.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

// npm writes node_modules/.package-lock.json at every install; a tree without it (copied in) is
// judged by its tools alone.
const installed = 'node_modules/.package-lock.json'
const missing = ['node_modules/.bin/node', 'node_modules/.bin/eslint', 'node_modules/.bin/vitest'].some((bin) => !existsSync(bin))
const stale = existsSync(installed) && statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs
if (missing || stale) {
  process.stdout.write('node_modules is missing or older than package-lock.json: installing it with `npm ci`.\n')
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci'], { stdio: 'inherit' })
}
