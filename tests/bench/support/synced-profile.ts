import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cacheDir, projectRoot } from '../generate-council.ts'
import type { BenchContext } from './bench-context.ts'
import { launchProfile } from './browser.ts'
import type { AppServer } from './device.ts'
import { benchUser, signIn, storeCount, waitForServiceWorker, waitUntilSynced } from './device.ts'

// A browser profile holding a manager's device after its first sync of the council. Syncing it
// takes minutes, so it is kept in reports/bench-cache, keyed by the council and by the sources
// that decide what a device stores (domain, db, sync, wire, server), and copied for each use.
// The app itself (src/app, dist/) is not part of the key: each copy drops the cached service
// worker and installs the one of the current build.

function deviceDataHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string): string[] =>
    readdirSync(join(projectRoot, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
    )
  for (const dir of ['src/domain', 'src/db', 'src/sync', 'src/api', 'src/server'])
    for (const f of walk(dir).sort()) hash.update(f).update(readFileSync(join(projectRoot, f)))
  return hash.digest('hex').slice(0, 12)
}

async function syncInto(ctx: BenchContext, server: AppServer, dir: string): Promise<void> {
  const council = await ctx.council()
  const context = await launchProfile(dir)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    const t0 = performance.now()
    await signIn(page, benchUser(ctx, council.meta))
    await waitUntilSynced(page)
    ctx.log(
      `device synced (${(await storeCount(page, 'events')).toLocaleString('en-GB')} events, ${((performance.now() - t0) / 1000).toFixed(0)} s unthrottled); kept in ${cacheDir}`,
    )
  } finally {
    await context.close()
  }
}

/** Installs the current build's service worker in the profile, in place of any older one. */
async function freshServiceWorker(server: AppServer, dir: string): Promise<void> {
  const context = await launchProfile(dir)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.evaluate(`(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister()
      for (const key of await caches.keys()) await caches.delete(key)
    })()`)
    await page.reload()
    await waitForServiceWorker(page)
  } finally {
    await context.close()
  }
}

/** A copy of the synced profile (removed when the run ends), with the current build installed. */
export async function syncedProfile(ctx: BenchContext, server: AppServer): Promise<string> {
  const council = await ctx.council()
  // The device's storage belongs to the server's origin: a server on another port is another device.
  const port = new URL(server.url).port
  const cached = join(cacheDir, `device-${council.meta.key}-${deviceDataHash()}-port${port}`)
  if (!existsSync(cached)) {
    const making = mkdtempSync(join(cacheDir, 'tmp-device-'))
    try {
      await syncInto(ctx, server, making)
      renameSync(making, cached)
    } catch (error) {
      rmSync(making, { recursive: true, force: true })
      throw error
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-profile-'))
  ctx.onClose(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(cached, dir, { recursive: true })
  await freshServiceWorker(server, dir)
  return dir
}
