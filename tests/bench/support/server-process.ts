import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from '../../e2e/support/app-server.ts'
import { projectRoot } from '../generate-council.ts'

// The real server as people run it (`node src/server/main.ts`), on a free port, with its own
// database. Its scheduler is slowed to once a day so it adds no automatic closures while the
// figures are taken. Stopped with SIGTERM (it finishes what is in flight), then SIGKILL.
// For profiling: BENCH_SERVER_NODE_ARGS adds Node flags (`--cpu-prof --cpu-prof-dir=…`), and
// BENCH_DIST_DIR serves another build (`vite build --minify=false --outDir …` keeps names).

export type ServerProcess = { url: string; pid: number; stop(): Promise<void> }

export async function startServer(
  env: Record<string, string>,
  options: { nodeArgs?: string[]; preferredPort?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort(options.preferredPort)
  const nodeArgs = [
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ...(options.nodeArgs ?? []),
  ]
  const child = spawn(process.execPath, [...nodeArgs, join(projectRoot, 'src/server/main.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DIST_DIR: process.env.BENCH_DIST_DIR ?? join(projectRoot, 'dist'),
      SCHEDULER_INTERVAL_MS: String(24 * 3_600_000),
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in 120 s:\n${output.slice(-2000)}`)),
      120_000,
    )
    const onData = (chunk: Buffer) => {
      // Request logs are one JSON line per request: keep only the start-up text.
      if (output.length < 20_000) output += chunk.toString()
      if (output.includes('Casebook is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited with code ${code}:\n${output.slice(-2000)}`))
    })
  })
  try {
    await ready
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
