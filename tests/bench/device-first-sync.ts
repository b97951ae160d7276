// The first full sync of a new device, in Chromium with the CPU slowed 4×: from pressing "Sign in"
// to the header saying "Up to date", with every event of the council in IndexedDB and the read
// tables built (the device is a manager's, which sees the whole council). Then, in the same page,
// the same events (fetched from the same API first, not timed) written with plain IndexedDB puts
// into a store with the same indexes, one transaction per page of 500 as the sync does: what the
// database alone costs, which the sync should stay within twice of.
//
//   node tests/bench/run.ts --only=sync [--size=small|council] [--runs=N]
import type { Page } from 'playwright-core'
import type { Bench } from './support/bench-context.ts'
import { launchBrowser, newContext, throttle } from './support/browser.ts'
import { appServer, benchUser, signIn, storeCount, waitUntilSynced } from './support/device.ts'
import type { Figure } from './support/report.ts'
import { median } from './support/report.ts'

const pageSize = 500

/** Fetches everything the device's session may see, then times bare IndexedDB puts of it. */
function bareBulkPut(page: Page): Promise<{ ms: number; count: number }> {
  return page.evaluate<{ ms: number; count: number }>(`(async () => {
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error) })
    const device = await request(indexedDB.open('casebook'))
    const profile = await request(device.transaction('meta').objectStore('meta').get('profile'))
    device.close()
    const events = []
    for (let after = 0, more = true; more; ) {
      const res = await fetch('/api/sync/pull?after=' + after + '&limit=${pageSize}', { headers: { authorization: 'Bearer ' + profile.value.token } })
      const body = await res.json()
      for (const e of body.events) events.push(e)
      after = body.cursor
      more = body.hasMore
    }
    await request(indexedDB.deleteDatabase('bench-bare'))
    const open = indexedDB.open('bench-bare', 1)
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('events', { keyPath: 'id' })
      for (const index of ['matterId', 'seq', 'recordedAt']) store.createIndex(index, index)
    }
    const db = await request(open)
    const t0 = performance.now()
    for (let i = 0; i < events.length; i += ${pageSize}) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction('events', 'readwrite')
        const store = tx.objectStore('events')
        for (const e of events.slice(i, i + ${pageSize})) store.put(e)
        tx.oncomplete = resolve
        tx.onerror = tx.onabort = () => reject(tx.error)
      })
    }
    const ms = performance.now() - t0
    db.close()
    await request(indexedDB.deleteDatabase('bench-bare'))
    return { ms, count: events.length }
  })()`)
}

export const deviceFirstSync: Bench = {
  name: 'sync',
  title: 'First full sync of a new device vs a bare IndexedDB bulkPut (Chromium, CPU 4× slower)',
  sizes: ['small', 'council'],
  async run(ctx) {
    const council = await ctx.council()
    const server = await appServer(ctx)
    const browser = await launchBrowser()
    ctx.onClose(() => browser.close())
    const runs = ctx.runs ?? 3
    const sync: number[] = []
    const pulling: number[] = []
    const bare: number[] = []
    const slowdown: number[] = []
    try {
      for (let run = 1; run <= runs; run++) {
        const context = await newContext(browser)
        try {
          const page = await context.newPage()
          await page.goto(server.url)
          await page.getByRole('form', { name: 'Sign in' }).waitFor()
          const slowed = await throttle(page)
          let firstPull = 0
          page.on('request', (r) => {
            if (!firstPull && r.url().includes('/api/sync/pull')) firstPull = performance.now()
          })
          const t0 = performance.now()
          await signIn(page, benchUser(ctx, council.meta))
          await waitUntilSynced(page)
          const done = performance.now()
          const stored = await storeCount(page, 'events')
          // The server's scheduler, at start, closes matters whose R4/R5 deadline passed after the
          // council's "now": a few events more than were generated.
          if (stored < council.meta.events)
            throw new Error(
              `The device holds ${stored} of ${council.meta.events} events after its first sync.`,
            )
          sync.push(done - t0)
          pulling.push(done - firstPull)
          ctx.log(
            `run ${run}: first sync ${((done - t0) / 1000).toFixed(1)} s (${stored.toLocaleString('en-GB')} events)`,
          )
          const put = await bareBulkPut(page)
          if (put.count !== stored)
            throw new Error(`The bare bulkPut wrote ${put.count} events, the sync ${stored}.`)
          bare.push(put.ms)
          slowdown.push(await slowed.measure())
          ctx.log(`run ${run}: bare bulkPut ${(put.ms / 1000).toFixed(1)} s`)
        } finally {
          await context.close()
        }
      }
    } finally {
      await browser.close()
    }
    const events = council.meta.events.toLocaleString('en-GB')
    const seconds = (xs: number[]) => xs.map((x) => x / 1000)
    return [
      {
        id: 'sync.full',
        label: 'first full sync: sign-in to "Up to date"',
        value: median(sync),
        unit: 'ms',
        runs: sync,
        note: `${events} events; from the first pull ${(median(pulling) / 1000).toFixed(1)} s; CPU slowdown measured ${median(slowdown).toFixed(1)}×`,
      },
      {
        id: 'sync.bulkPut',
        label: 'bare IndexedDB bulkPut of the same events',
        value: median(bare),
        unit: 'ms',
        runs: bare,
        note: `pages of ${pageSize}, same indexes as the device's events store`,
      },
      {
        id: 'sync.ratio',
        label: 'first sync ÷ bare bulkPut',
        value: median(sync) / median(bare),
        unit: '×',
        note: `seconds: sync ${seconds(sync)
          .map((s) => s.toFixed(1))
          .join(', ')}; bulkPut ${seconds(bare)
          .map((s) => s.toFixed(1))
          .join(', ')}`,
      },
    ] satisfies Figure[]
  },
}
