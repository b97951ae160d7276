import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../generate-council.ts'

// The built app (dist/) the server serves and the bundle-size bench reads: rebuilt with
// `vite build` when a browser source is newer than the build, as `npm start` does.

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
  'package.json',
]

function newest(path: string): number {
  let info
  try {
    info = statSync(path)
  } catch {
    return 0
  }
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function builtAt(): number {
  // sw.js is written last: a build interrupted before it counts as missing.
  try {
    return Math.min(
      statSync(join(projectRoot, 'dist/index.html')).mtimeMs,
      statSync(join(projectRoot, 'dist/sw.js')).mtimeMs,
    )
  } catch {
    return 0
  }
}

export function ensureBuild(log: (line: string) => void): void {
  if (Math.max(...sources.map((s) => newest(join(projectRoot, s)))) < builtAt()) return
  log('Building the app (vite build)…')
  const bin = join(projectRoot, 'node_modules/.bin')
  execFileSync(join(bin, 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PATH: `${bin}:${process.env.PATH ?? ''}` },
  })
}
