import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { builtAppIsCurrent } from '../../../src/server/cli/built-app.ts'
import { projectRoot } from '../generate-council.ts'

// The built app (dist/) the server serves and the bundle-size bench reads: rebuilt with
// `vite build` when a browser source is newer than the build, as `npm start` does.

export function ensureBuild(log: (line: string) => void): void {
  if (builtAppIsCurrent(projectRoot)) return
  log('Building the app (vite build)…')
  const bin = join(projectRoot, 'node_modules/.bin')
  execFileSync(join(bin, 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', PATH: `${bin}:${process.env.PATH ?? ''}` },
  })
}
