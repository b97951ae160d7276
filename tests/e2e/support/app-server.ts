import type { ChildProcess } from 'node:child_process'
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { builtAppIsCurrent } from '../../../src/server/cli/built-app.ts'

// Casebook as an officer's browser meets it: the sync server (`node src/server/main.ts --demo`)
// serving the built app (dist/, with its service worker and the SPA fallback) and /api on one
// origin, on a free port, with its own PGlite data directory that is deleted afterwards.
//
// The app is built once, and again only when a source is newer than the build, so every e2e file
// after the first reuses it. A new PGlite data directory takes 5–10 s to create (initdb in WASM,
// then migrations and the demo council) and far longer on a busy machine, while reopening one
// takes a second; so the demo database is created once, by a server stopped cleanly, and each
// test file's server starts on a fresh copy of it. The copy is remade when the server's sources
// change or it is older than `templateMaxAgeMs` (the demo's dates are relative to when it was
// seeded).

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url))

const bin = join(projectRoot, 'node_modules/.bin')
// vitest sets NODE_ENV=test, which would make vite bundle React's development build.
const childEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PATH: `${bin}:${process.env.PATH ?? ''}`,
}

// Everything the demo database is made from.
const serverSources = ['src/server', 'src/domain', 'src/api', 'package-lock.json']
const templateMaxAgeMs = 30 * 60_000

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.mtimeMs
  const entries = await readdir(path)
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))))
  return Math.max(info.mtimeMs, ...times)
}

const newestOf = async (paths: string[]) =>
  Math.max(...(await Promise.all(paths.map((p) => newestMtime(join(projectRoot, p))))))

// A child process rather than vite's build() in the test worker: the PWA plugin and rolldown then
// run exactly as `npm run build` runs them.
async function build(): Promise<void> {
  try {
    await promisify(execFile)(join(bin, 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: projectRoot,
      env: childEnv,
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build failed:\n${stdout}\n${stderr}`, { cause: error })
  }
}

/**
 * A port nothing listens on now, on the loopback interface: `preferred` when it is free (a browser
 * profile's storage belongs to its origin, port included), otherwise any.
 */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred !== 0) {
    const port = await listenOnce(preferred).catch(() => 0)
    if (port !== 0) return port
  }
  return listenOnce(0)
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One `node src/server/main.ts --demo` process, its output kept for error messages and checks. */
type ServerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function spawnServer(dataDir: string, port: number): ServerProcess {
  const child = spawn(process.execPath, ['src/server/main.ts', '--demo'], {
    cwd: projectRoot,
    env: { ...childEnv, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
  return { child, output: () => output, exited }
}

/** Resolves once GET /api/health answers 200; fails with the server's output if it exits first. */
async function waitForHealth(server: ServerProcess, url: string, timeoutMs = 120_000) {
  let gone = false
  void server.exited.then(() => {
    gone = true
  })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server stopped before it was ready:\n${server.output()}`)
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (healthy) return
    await sleep(100)
  }
  server.child.kill('SIGKILL')
  throw new Error(`The server was not ready after ${timeoutMs} ms:\n${server.output()}`)
}

/** SIGTERM (a clean stop: requests finished, database closed), SIGKILL if it hangs. */
async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  server.child.kill('SIGTERM')
  const stopped = await Promise.race([server.exited.then(() => true), sleep(15_000)])
  if (stopped !== true) {
    server.child.kill('SIGKILL')
    await server.exited
  }
}

/** The demo council's database, made once by a server stopped cleanly; a copy per server. */
async function demoTemplate(): Promise<string> {
  const sourcesAt = Math.floor(await newestOf(serverSources))
  // One checkout's templates never touch another's (another copy of the project may be testing).
  const checkout = createHash('sha256').update(projectRoot).digest('hex').slice(0, 8)
  const prefix = `casebook-e2e-demo-${checkout}-`
  const template = join(tmpdir(), `${prefix}${sourcesAt}`)
  const madeAt = async (dir: string) =>
    (await stat(join(dir, 'PG_VERSION')).catch(() => null))?.mtimeMs ?? 0
  if (Date.now() - (await madeAt(template)) < templateMaxAgeMs) return template

  for (const name of await readdir(tmpdir())) {
    const old = join(tmpdir(), name)
    if (name.startsWith(prefix) && Date.now() - (await madeAt(old)) > templateMaxAgeMs / 2)
      await rm(old, { recursive: true, force: true })
  }
  const dir = await mkdtemp(join(tmpdir(), 'casebook-e2e-making-'))
  const port = await freePort()
  const server = spawnServer(dir, port)
  try {
    await waitForHealth(server, `http://127.0.0.1:${port}`)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  } finally {
    await stop(server)
  }
  // The mtime of PG_VERSION says when the template was made.
  const now = new Date()
  await utimes(join(dir, 'PG_VERSION'), now, now)
  await rename(dir, template).catch(async () => {
    // Another run made it meanwhile: use theirs.
    await rm(dir, { recursive: true, force: true })
  })
  return template
}

export type RunningApp = {
  /** The origin, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string
  /** Stops the server cleanly (SIGTERM) and deletes its data. */
  close: () => Promise<void>
  /** SIGKILL: the process dies wherever it is, mid-request or mid-transaction. */
  kill: () => Promise<void>
  /** Starts the server again on the same data directory and port. */
  restart: () => Promise<void>
  /** Everything the server printed (structured JSON logs, no personal data), across restarts. */
  output: () => string
}

export async function startApp(): Promise<RunningApp> {
  const [, template] = await Promise.all([
    builtAppIsCurrent(projectRoot) ? Promise.resolve() : build(),
    demoTemplate(),
  ])
  const dataDir = await mkdtemp(join(tmpdir(), 'casebook-e2e-data-'))
  await cp(template, dataDir, { recursive: true })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const runs: ServerProcess[] = []
  const current = () => runs[runs.length - 1]

  const launch = async () => {
    const server = spawnServer(dataDir, port)
    runs.push(server)
    await waitForHealth(server, url)
  }
  await launch()

  return {
    url,
    output: () => runs.map((r) => r.output()).join(''),
    async kill() {
      const server = current()
      if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return
      server.child.kill('SIGKILL')
      await server.exited
    },
    async restart() {
      const server = current()
      if (server) await stop(server)
      await launch()
    },
    async close() {
      const server = current()
      if (server) await stop(server)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
