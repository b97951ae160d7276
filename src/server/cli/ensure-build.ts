import { spawnSync } from 'node:child_process'
import { builtAppIsCurrent } from './built-app.ts'

// `npm start` builds the app only when needed: no dist/, or a source newer than the last build.
// Keeps a fresh clone's first start and a developer's restart both right without a manual build.

if (!builtAppIsCurrent('.')) {
  process.stdout.write('Building the app…\n')
  const result = spawnSync('vite', ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  process.exit(result.status ?? 1)
}
