import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { apiSignIn, pullAll } from './support/api.ts'
import type { RunningApp } from './support/app-server.ts'
import { startApp } from './support/app-server.ts'
import { launchBrowser, newContext, tablet } from './support/browser.ts'
import {
  actionPlanCount,
  chronology,
  demo,
  deviceEventIds,
  matterHeading,
  recordReport,
  recordStep,
  reloadAndSync,
  signInAs,
  syncLine,
  waitForServiceWorker,
  waitUntilSynced,
} from './support/casebook.ts'
import { recordMetrics } from './support/metrics.ts'

// Issue 4, browser test: the server dies (SIGKILL: no clean shutdown, no finished transaction) in
// the middle of a push of 20 entries, and starts again on the same data directory. The device
// retries on its own; afterwards the server holds every entry exactly once: nothing lost,
// nothing doubled, and the global seq has no gap.

const offlineAttempts = 20
const poll = { timeout: 15_000 }

let app: RunningApp
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  // The server and Chromium start side by side.
  ;[app, browser] = await Promise.all([startApp(), launchBrowser()])
  context = await newContext(browser, tablet)
  page = await context.newPage()
  page.setDefaultTimeout(10_000)
})

afterAll(async () => {
  await context?.close()
  await Promise.all([browser?.close(), app?.close()])
})

it('the server is killed mid-push and restarted: the device resends, and every entry is stored once', async () => {
  await page.goto(app.url)
  await signInAs(page, demo.officer1)
  await waitForServiceWorker(page)
  await waitUntilSynced(page)

  // Online: a report, sent and acknowledged before the crash (the server must keep it).
  const matterId = await recordReport(page, {
    address: '2 Kiln Row, Northfold',
    category: 'Noise',
    description: 'Generator running all night in the yard next door.',
    complainant: { name: 'Pat Reid', phone: '01632 960 321' },
  })
  await reloadAndSync(page)
  await matterHeading(page).waitFor()
  const acknowledged = await actionPlanCount(page)

  // Offline: 20 more entries wait on the device.
  await context.setOffline(true)
  for (let n = 1; n <= offlineAttempts; n++) {
    await recordStep(page, 'Record an unsuccessful contact attempt R4', (form) =>
      form.getByLabel('Notes (optional)').fill(`Attempt ${n}: no answer.`),
    )
  }
  const total = acknowledged + offlineAttempts
  await expect.poll(() => actionPlanCount(page), poll).toBe(total)
  await expect.poll(() => syncLine(page).innerText(), poll).toBe(`${offlineAttempts} not yet sent`)

  // Back online: the device pushes at once; the server dies as the push arrives.
  const pushesLogged = () => app.output().match(/"msg":"push"/g)?.length ?? 0
  const pushesBefore = pushesLogged()
  const pushStarted = page.waitForRequest(
    (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/sync/push',
  )
  await context.setOffline(false)
  await pushStarted
  await app.kill()
  const killedAt = performance.now()
  // Whether the push had committed before the kill (reported, not asserted: either way nothing
  // may be lost or doubled). Its log line is written after the commit.
  const committedBeforeKill = pushesLogged() > pushesBefore

  await app.restart()
  // The device's own retry (back-off) finds the server again; no reload.
  await waitUntilSynced(page, 60_000)
  await recordMetrics({
    serverKillToDeviceSyncedMs: Math.round(performance.now() - killedAt),
    serverKillPushCommittedFirst: committedBeforeKill ? 1 : 0,
  })
  expect(await syncLine(page).innerText()).not.toMatch(/not yet sent/)
  expect(await page.getByText(/^Not accepted by the server/).count()).toBe(0)

  // The device: every entry once, all sent, and still so after opening the app again.
  await reloadAndSync(page)
  await matterHeading(page).waitFor()
  expect(await actionPlanCount(page)).toBe(total)
  const titles = await chronology(page)
  expect(titles.filter((t) => t === 'Contact attempt failed (phone)')).toHaveLength(offlineAttempts)
  expect(await page.getByText('Saved on this device; not yet sent to the server.').count()).toBe(0)
  const onDevice = await deviceEventIds(page, matterId)
  expect(onDevice).toHaveLength(total)

  // The server, asked directly: the same events, each exactly once.
  const officer = await apiSignIn(app.url, demo.officer1)
  const pulled = (await pullAll(officer)).filter((e) => e.matterId === matterId)
  const ids = pulled.map((e) => e.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect([...ids].sort()).toEqual([...onDevice].sort())
  const notes = pulled.flatMap((e) =>
    e.type === 'contactAttempted' && e.payload.notes ? [e.payload.notes] : [],
  )
  expect(new Set(notes).size).toBe(offlineAttempts)

  // And across the whole database (a manager sees every matter): seq runs 1, 2, 3, … with no gap
  // and no repeat, so the killed transaction left nothing half-done.
  const manager = await apiSignIn(app.url, demo.manager1)
  const seqs = (await pullAll(manager)).map((e) => e.seq)
  expect(seqs).toEqual(seqs.map((_, i) => i + 1))
}, 150_000)
