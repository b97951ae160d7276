import type { Browser, BrowserContext, LaunchOptions, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../../e2e/support/browser.ts'

// Debian's Chromium with the flags of TOOLCHAIN.md, a tablet's viewport, and the CPU slowed 4×
// over CDP to stand in for a mid-range tablet. Timings are taken inside the page (see
// `instrumentation`), so the time Playwright's own messages take is not counted.

export const cpuSlowdown = 4

const launchOptions: LaunchOptions = {
  executablePath: chromiumPath,
  args: [
    ...chromiumArgs,
    // Benchmarks run in a page nobody looks at: keep its timers and frames at full speed.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
}

// bypassCSP: the server's CSP forbids eval, and Playwright evaluates the benches' string
// predicates with it; the app's own scripts run exactly as before.
const device = {
  locale: 'en-GB',
  timezoneId: 'Europe/London',
  viewport: { width: 1024, height: 768 },
  bypassCSP: true,
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions)
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext(device)
}

/** A profile on disk: IndexedDB and the service worker survive closing the browser. */
export function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...launchOptions, ...device })
}

export type Throttle = {
  /** The slowdown really applied: a fixed loop timed with throttling off, then on, in the page. */
  measure(): Promise<number>
}

/**
 * Slows the page's CPU (CDP Emulation.setCPUThrottlingRate). The session stays attached: the
 * slowdown belongs to it and ends when it detaches. On a machine busy with other work, the
 * slowdown measured can differ from the rate asked for; the benches report it.
 */
export async function throttle(page: Page, rate = cpuSlowdown): Promise<Throttle> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return {
    async measure() {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
      const plain = await calibrate(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      return (await calibrate(page)) / plain
    },
  }
}

/**
 * How long a fixed piece of JavaScript takes in the page, in ms: run on a throttled and an
 * unthrottled page, the ratio shows the slowdown really applied.
 */
export function calibrate(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    let best = Infinity
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now()
      let x = 0
      for (let i = 0; i < 5e6; i++) x = (x + i * 7) % 1000003
      best = Math.min(best, performance.now() - t0 + (x < 0 ? 1 : 0))
    }
    return best
  })()`)
}

/**
 * Installed before the app's scripts. `__bench.paint` is the time (performance.now()) of the
 * last frame drawn after a DOM change: a MutationObserver schedules a frame, and a message posted
 * from that frame's callback runs once it has been painted. `__bench.readyPaint` is the first such
 * frame at which `__bench.ready()` held (the screen is drawn), `__bench.changedAt` when the DOM last
 * changed, to wait for quiet. `__bench.input` is the timestamp of the last click or key press,
 * and `__bench.commits` the completion times of IndexedDB transactions that wrote the outbox (an
 * officer's step is committed when its transaction completes).
 */
export function instrumentation(ready?: string): string {
  return `(() => {
  const bench = (window.__bench = { paint: 0, readyPaint: 0, ready: ${ready ? `new Function(${JSON.stringify(`return (${ready})`)})` : 'null'}, changedAt: 0, input: 0, commits: [], frames: 0 })
  let pending = false
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    const now = performance.now()
    bench.paint = now
    bench.frames++
    if (bench.ready && !bench.readyPaint) {
      try { if (bench.ready()) bench.readyPaint = now } catch {}
    }
  }
  const afterPaint = () => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => { pending = false; channel.port2.postMessage(0) })
  }
  const observer = new MutationObserver(() => { bench.changedAt = performance.now(); afterPaint() })
  const start = () => observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  if (document.documentElement) start()
  else document.addEventListener('readystatechange', start, { once: true })
  for (const type of ['click', 'keydown']) addEventListener(type, (e) => { bench.input = e.timeStamp }, { capture: true })
  const transaction = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options)
    const names = Array.from(typeof stores === 'string' ? [stores] : stores)
    if (mode === 'readwrite' && names.includes('outbox')) {
      tx.addEventListener('complete', () => bench.commits.push({ at: performance.now(), stores: names }))
    }
    return tx
  }
})()`
}

/** From now on, `__bench.readyPaint` is the first frame painted with `ready` holding. */
export async function expectReady(page: Page, ready: string): Promise<void> {
  await page.evaluate(
    `window.__bench.readyPaint = 0; window.__bench.input = 0; window.__bench.ready = new Function(${JSON.stringify(`return (${ready})`)})`,
  )
}

/** Waits until `ready` (a JS expression) holds in the page and the DOM has been quiet for `quietMs`. */
export async function settled(
  page: Page,
  ready: string,
  { quietMs = 400, timeout = 60_000 } = {},
): Promise<void> {
  try {
    await page.waitForFunction(
      `(${ready}) && performance.now() - window.__bench.changedAt > ${quietMs} && performance.now() - window.__bench.paint > ${quietMs}`,
      undefined,
      {
        timeout,
        polling: 50,
      },
    )
  } catch (error) {
    const state = await page
      .evaluate<string>(
        `JSON.stringify({ ready: Boolean(${ready}), now: performance.now(), changedAt: window.__bench.changedAt, paint: window.__bench.paint, url: location.href, h1: document.querySelector('h1')?.textContent })`,
      )
      .catch(() => '?')
    throw new Error(`The page did not settle on ${ready}: ${state}`, { cause: error })
  }
}

export type BenchWindow = {
  paint: number
  readyPaint: number
  changedAt: number
  input: number
  commits: { at: number; stores: string[] }[]
  frames: number
}

export function benchState(page: Page): Promise<BenchWindow> {
  return page.evaluate<BenchWindow>('({ ...window.__bench, ready: undefined })')
}
