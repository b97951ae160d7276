import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// Whether dist/ is the build of the browser sources as they are now: the one answer `npm start`,
// the browser tests and the benchmarks each need before they serve the app.

/** Everything the browser bundle is made from. src/server is not in it. */
export const appSources = [
  'src/app',
  'src/db',
  'src/domain',
  'src/pwa',
  'src/sync',
  'src/api',
  'src/diary',
  'public',
  'index.html',
  'diary.html',
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

function builtAt(root: string): number {
  // sw.js is written last: a build interrupted before it counts as missing.
  try {
    return Math.min(statSync(join(root, 'dist/index.html')).mtimeMs, statSync(join(root, 'dist/sw.js')).mtimeMs)
  } catch {
    return 0
  }
}

/** True when dist/ under `root` is complete and newer than every browser source. */
export function builtAppIsCurrent(root: string): boolean {
  return Math.max(...appSources.map((s) => newest(join(root, s)))) < builtAt(root)
}
