// Where a device's time goes: a CPU profile (Chromium's sampling profiler, over CDP) of a first
// sync, of recording diary entries and of an offline cold start, on a generated council, with
// the CPU slowed 4× as the benches do. Prints the functions with the most self time and writes the .cpuprofile (open it
// in Chromium's DevTools, Performance panel) to reports/bench/profiles/.
//
//   node tests/bench/profile-device.ts [--size=small|council] [--seed=1] [--first-sync]
//
// The screens are profiled on the screen benches' synced device (cached, see
// support/synced-profile.ts); `--first-sync` also profiles a first sync, which takes minutes.
//
// Names are readable only in an unminified build, served instead of dist/:
//   npx vite build --minify false --outDir /tmp/dist-profile --emptyOutDir
//   BENCH_DIST_DIR=/tmp/dist-profile node tests/bench/profile-device.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { CDPSession, Page } from 'playwright-core'
import type { CouncilSize } from './council/council-plan.ts'
import { benchContext } from './support/bench-context.ts'
import { expectReady, instrumentation, launchProfile, settled, throttle } from './support/browser.ts'
import { appServer, benchUser, signIn, waitUntilSynced } from './support/device.ts'
import { syncedProfile } from './support/synced-profile.ts'
import type { CpuProfile } from './support/cpu-profile.ts'
import { summariseProfile } from './support/cpu-profile.ts'
import { reportDir, say } from './support/report.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    'first-sync': { type: 'boolean', default: false },
  },
})
const ctx = benchContext(values.size as CouncilSize, Number(values.seed), 1, ['pglite'])
const outDir = join(reportDir, 'profiles')
mkdirSync(outDir, { recursive: true })

async function profiled(cdp: CDPSession, name: string, act: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const t0 = performance.now()
  await act()
  const wall = performance.now() - t0
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
  const file = join(outDir, `${name}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  say(`\n${name}: ${(wall / 1000).toFixed(1)} s wall`)
  summariseProfile(profile)
  say(`  profile: ${file}`)
}

/** Diary entries recorded one after another; only the time from "Save" to the commit is profiled. */
async function diaryEntries(page: Page, cdp: CDPSession, count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    await page.getByRole('link', { name: 'Record a diary entry' }).click()
    const form = page.getByRole('form', { name: 'Diary entry' })
    await form.getByLabel('Who was involved').fill('The neighbour above')
    await form.getByLabel('What happened').fill(`Profiled entry ${n}: music from 00:30 to 03:00.`)
    await form.getByLabel('How it affected the complainant').fill('Could not sleep.')
    await page.waitForTimeout(500)
    const before = await page.evaluate<number>('window.__bench.commits.length')
    await profiled(cdp, `diary-submit-${n + 1}`, async () => {
      await form.getByRole('button', { name: 'Save diary entry' }).click()
      await page.waitForFunction(`window.__bench.commits.length > ${before}`, undefined, { polling: 10 })
    })
    const s = await page.evaluate<{ input: number; commits: { at: number }[] }>('window.__bench')
    say(`  submit to committed: ${((s.commits[before]?.at ?? 0) - s.input).toFixed(1)} ms`)
    await page.locator('.chronology').waitFor()
  }
}

const todayDrawn = `document.querySelector('h1')?.textContent === 'Today' && !document.querySelector('[aria-busy="true"]') && document.querySelector('#caseload-heading') !== null`

try {
  const council = await ctx.council()
  const server = await appServer(ctx)
  if (values['first-sync']) {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-profile-'))
    ctx.onClose(() => rmSync(dir, { recursive: true, force: true }))
    const context = await launchProfile(dir)
    ctx.onClose(() => context.close())
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.getByRole('form', { name: 'Sign in' }).waitFor()
    await throttle(page)
    const cdp = await context.newCDPSession(page)
    await profiled(cdp, 'first-sync', async () => {
      await signIn(page, benchUser(ctx, council.meta))
      await waitUntilSynced(page)
    })
  }
  // The device the screen benches use: synced once (cached), throttled from here on.
  const dir = await syncedProfile(ctx, server)
  let context = await launchProfile(dir)
  ctx.onClose(() => context.close())
  let page = context.pages()[0] ?? (await context.newPage())
  // Offline, as the screens bench: no sync runs, and no push's transaction counts as a save.
  await context.setOffline(true)
  await throttle(page)
  let cdp = await context.newCDPSession(page)
  await context.addInitScript(instrumentation())
  await page.goto(`${server.url}/matters/${council.meta.bigMatter.id}`)
  await page.locator('.chronology').waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: join(outDir, 'failed.png') })
    throw error
  })
  await diaryEntries(page, cdp, 3)
  // Opening the matter from Today, to its first entries drawn.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click()
  const link = page.locator('a.matter-link', { hasText: council.meta.bigMatter.reference }).first()
  await link.waitFor()
  await page.waitForTimeout(500)
  await expectReady(page, `document.querySelectorAll('.chronology .entries > li').length > 0`)
  await profiled(cdp, 'open-matter', async () => {
    await link.click()
    await page.waitForFunction('window.__bench.readyPaint > 0', undefined, { polling: 10 })
  })
  const opened = await page.evaluate<{ input: number; readyPaint: number }>('window.__bench')
  say(`  click to first entries drawn: ${(opened.readyPaint - opened.input).toFixed(0)} ms`)
  await context.close()

  // A cold start: the browser relaunched on the profile, offline, the app served by its worker.
  context = await launchProfile(dir)
  page = context.pages()[0] ?? (await context.newPage())
  await context.addInitScript(instrumentation(todayDrawn))
  await context.setOffline(true)
  await throttle(page)
  cdp = await context.newCDPSession(page)
  await profiled(cdp, 'cold-start', async () => {
    await page.goto(server.url, { waitUntil: 'commit' })
    await settled(page, todayDrawn, { quietMs: 600 })
  })
} finally {
  await ctx.close()
}
