import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// `npm start` builds the app only when needed: no dist/, or a source newer than the last build.
// Keeps a fresh clone's first start and a developer's restart both right without a manual build.

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function builtAt(): number {
  try {
    return statSync('dist/index.html').mtimeMs
  } catch {
    return 0
  }
}

const sources = [
  'src/app',
  'src/db',
  'src/domain',
  'src/pwa',
  'src/sync',
  'src/api',
  'public',
  'index.html',
  'vite.config.ts',
]
if (Math.max(...sources.map(newest)) > builtAt()) {
  process.stdout.write('Building the app…\n')
  const result = spawnSync('vite', ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  process.exit(result.status ?? 1)
}
