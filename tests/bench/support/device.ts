import type { Page } from 'playwright-core'
import { ensureBuild } from './app-build.ts'
import type { BenchContext } from './bench-context.ts'
import { sharedOnce } from './bench-context.ts'
import { benchPassword } from './council-sync.ts'
import { seededDatabase } from './seeded-council.ts'
import { startServer } from './server-process.ts'

// The browser benches' server (the real one, serving dist/, on a copy of the seeded PGlite
// council) and what an officer's device does on it: sign in, sync, wait for the service worker.

export type AppServer = { url: string }

/** One server for all the browser benches of a run; the devices only read from it. */
export function appServer(ctx: BenchContext): Promise<AppServer> {
  return sharedOnce(ctx, 'app-server', async () => {
    ensureBuild(ctx.log)
    const db = await seededDatabase(ctx, 'pglite')
    ctx.onClose(() => db.dispose())
    // Always the same origin when the port is free, so a cached device profile (its IndexedDB
    // belongs to the origin) can be reused: see synced-profile.ts.
    const server = await startServer(db.env, { preferredPort: 48_787 })
    ctx.onClose(() => server.stop())
    ctx.log(`server for the browser benches at ${server.url}`)
    return { url: server.url }
  })
}

/** The person whose device the browser benches use: a manager, who sees the whole council. */
export function benchUser(
  ctx: BenchContext,
  council: { staff: { username: string; role: string }[] },
): string {
  const manager = council.staff.find((u) => u.role === 'manager')
  if (!manager) throw new Error(`The ${ctx.size} council has no manager.`)
  return manager.username
}

export async function signIn(page: Page, username: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' })
  await form.getByLabel('Username').fill(username)
  await form.getByLabel('Password').fill(benchPassword)
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** The header says "Up to date" once a sync has pushed and pulled everything. */
export const upToDate = `(document.querySelector('.app-header .pending')?.textContent ?? '').startsWith('Up to date')`

export async function waitUntilSynced(page: Page, timeout = 30 * 60_000): Promise<void> {
  await page.waitForFunction(upToDate, undefined, { timeout, polling: 250 })
}

/** Resolves once a service worker controls the page, so the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // registerType 'prompt' has no clientsClaim: the page that registered it is controlled only
  // after it loads again. `ready` means the worker is active, its precache done.
  await page.evaluate(
    'void navigator.serviceWorker.ready.then(() => { window.__workerReady = true })',
  )
  await page.waitForFunction('window.__workerReady === true', undefined, { timeout: 60_000 })
  await page.reload()
  await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, {
    timeout: 60_000,
  })
}

/** How many records an object store of the device database holds, read with plain IndexedDB. */
export function storeCount(page: Page, store: string, database = 'casebook'): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(database)})
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const count = db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).count()
      count.onsuccess = () => { db.close(); resolve(count.result) }
      count.onerror = () => { db.close(); reject(count.error) }
    }
  })`)
}
