// @vitest-environment node
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lockDataDir } from '../../src/server/storage/data-dir-lock.ts'

// Issue 14: after a crash the lock names a process id that the system may since have given to
// another program; the server refused to start and blamed that program. The lock must tell a
// server still running from a pid that now means something else.

const lockModule = resolve('src/server/storage/data-dir-lock.ts')
const children: ChildProcess[] = []
const dirs: string[] = []

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function aDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-lock-'))
  dirs.push(dir)
  return dir
}

/** A server process (as far as the lock goes) that takes the lock and keeps running. */
async function aServerHolding(dir: string): Promise<ChildProcess> {
  const script = `const m = await import(${JSON.stringify(lockModule)});
    const lock = m.lockDataDir(${JSON.stringify(dir)});
    process.stdout.write(lock.ok ? 'locked\\n' : 'refused\\n');
    setInterval(() => {}, 1000);`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  const said = await new Promise<string>((done) =>
    child.stdout?.once('data', (d) => done(String(d))),
  )
  expect(said.trim()).toBe('locked')
  return child
}

async function crash(child: ChildProcess): Promise<void> {
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGKILL')
  await exited
}

/** Another program, unrelated to Casebook, that is running. */
function anotherProgram(): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' })
  children.push(child)
  return child
}

describe('data directory lock after a crash', () => {
  it('refuses the directory while the server that locked it is still running, and names it', async () => {
    const dir = aDataDir()
    const server = await aServerHolding(dir)
    const lock = lockDataDir(dir)
    expect(lock.ok).toBe(false)
    if (!lock.ok) expect(lock.message).toContain(`in use by process ${server.pid}`)
  })

  it('takes over the lock of a server that crashed, whose process id now belongs to another program', async () => {
    const dir = aDataDir()
    const server = await aServerHolding(dir)
    await crash(server)
    // The system hands the crashed server's pid to another program: the lock now names it.
    const other = anotherProgram()
    const path = join(dir, 'casebook.lock')
    writeFileSync(path, readFileSync(path, 'utf8').replace(String(server.pid), String(other.pid)))

    const lock = lockDataDir(dir)
    expect(lock).toMatchObject({ ok: true })
    if (lock.ok) lock.release()
  })

  it('takes over the lock of a server that crashed, when its pid is free', async () => {
    const dir = aDataDir()
    await crash(await aServerHolding(dir))
    const lock = lockDataDir(dir)
    expect(lock).toMatchObject({ ok: true })
    if (lock.ok) lock.release()
  })
})
